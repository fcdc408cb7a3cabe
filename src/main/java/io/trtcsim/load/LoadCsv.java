package io.trtcsim.load;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The load report's CSV files, by Jackson's CSV module: load-samples.csv (one line per interval)
 * and load-streams.csv (one line per stream over the steady window), each with a header line.
 */
public final class LoadCsv {

    private final CsvMapper mapper = new CsvMapper();

    public void writeSamples(List<LoadSample> samples, Path file) {
        write(samples.stream().map(SampleRow::of).toList(), SampleRow.class, file);
    }

    public List<SampleRow> readSamples(Path file) {
        return read(SampleRow.class, file);
    }

    public void writeStreams(List<StreamFigures> streams, Path file) {
        write(streams, StreamFigures.class, file);
    }

    public List<StreamFigures> readStreams(Path file) {
        return read(StreamFigures.class, file);
    }

    private <T> void write(List<T> rows, Class<T> type, Path file) {
        CsvSchema schema = mapper.schemaFor(type).withHeader();
        try {
            mapper.writer(schema).writeValue(file.toFile(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private <T> List<T> read(Class<T> type, Path file) {
        CsvSchema schema = mapper.schemaFor(type).withHeader();
        try (MappingIterator<T> rows = mapper.readerFor(type).with(schema).readValues(file.toFile())) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
