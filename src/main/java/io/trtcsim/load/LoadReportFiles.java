package io.trtcsim.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of a load report in its output folder: {@value #HTML} (the page with its plots),
 * {@value #JSON} (everything, read back by the merge), {@value #SAMPLES_CSV} and {@value #STREAMS_CSV}.
 *
 * @param charts the page's plots by title, as PNG (also attached to the Allure result)
 */
public record LoadReportFiles(Path folder, Map<String, byte[]> charts) {

    public static final String HTML = "load-report.html";
    public static final String JSON = "load-report.json";
    public static final String SAMPLES_CSV = "load-samples.csv";
    public static final String STREAMS_CSV = "load-streams.csv";

    public static LoadReportFiles write(LoadReport report, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the report folder " + folder, e);
        }
        // The JSON first: it is what a merge needs, and it needs no drawing.
        new LoadJson().write(report, folder.resolve(JSON));
        LoadCsv csv = new LoadCsv();
        csv.writeSamples(report.samples(), folder.resolve(SAMPLES_CSV));
        csv.writeStreams(report.summary().streams(), folder.resolve(STREAMS_CSV));
        Map<String, byte[]> charts = LoadCharts.of(report);
        try {
            Files.writeString(folder.resolve(HTML), LoadReportPage.of(report, charts), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(HTML), e);
        }
        // In the page's order, which the Allure result's attachments follow.
        return new LoadReportFiles(folder, Collections.unmodifiableMap(new LinkedHashMap<>(charts)));
    }

    public Path html() {
        return folder.resolve(HTML);
    }

    public Path json() {
        return folder.resolve(JSON);
    }

    public Path samplesCsv() {
        return folder.resolve(SAMPLES_CSV);
    }

    public Path streamsCsv() {
        return folder.resolve(STREAMS_CSV);
    }
}
