package io.trtcsim.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A load report as JSON, the form the merge reads back. A latency with nothing measured is NaN,
 * written as the string "NaN" (Jackson's way, which it reads back as NaN).
 */
public final class LoadJson {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(LoadReport report, Path file) {
        try {
            mapper.writeValue(file.toFile(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the load report " + file, e);
        }
    }

    public LoadReport read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a file: give a load run's output folder or its "
                    + LoadReportFiles.JSON);
        }
        try {
            return mapper.readValue(file.toFile(), LoadReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not a load report: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the load report " + file, e);
        }
    }
}
