package io.trtcsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load report written to its folder and read back: JSON whole (the merge's input), CSV line by line. */
class LoadReportFilesTest {

    private final LoadReport report = ShardReports.shard(0, 1, new RoomRange(1000, 1000),
            List.of(new Threshold(Criterion.MIN_FPS, 14), new Threshold(Criterion.MAX_P95_MS, 19)));

    @Test
    void theJsonReadsBackAsTheSameReportNothingMeasuredIncluded(@TempDir Path folder) {
        LoadReportFiles files = LoadReportFiles.write(report, folder);

        LoadReport read = new LoadJson().read(files.json());

        assertThat(read).isEqualTo(report);
        assertThat(read.samples().get(0).streams().get(1).latencyP95Millis()).isNaN();
        assertThat(read.passed()).isFalse();
        assertThat(read.whyNotPassed()).containsExactly("MISSED: --max-p95-ms 19 (worst stream latency p95 20.0 ms)");
    }

    @Test
    void theCsvFilesHoldOneLinePerIntervalAndPerStream(@TempDir Path folder) throws IOException {
        LoadReportFiles files = LoadReportFiles.write(report, folder);
        LoadCsv csv = new LoadCsv();

        assertThat(csv.readSamples(files.samplesCsv()))
                .containsExactlyElementsOf(report.samples().stream().map(SampleRow::of).toList());
        assertThat(csv.readStreams(files.streamsCsv())).containsExactlyElementsOf(report.summary().streams());
        assertThat(Files.readAllLines(files.samplesCsv()).get(0)).startsWith("elapsedSeconds,joined,failed,planned,");
        SampleRow first = csv.readSamples(files.samplesCsv()).get(0);
        assertThat(first.streamsRendering()).isEqualTo(1);
        assertThat(first.fpsMin()).isZero();
        assertThat(first.latencyP95WorstMillis()).isEqualTo(20.0);
    }

    @Test
    void thePageShowsTheVerdictThePlotsAndEveryParticipant(@TempDir Path folder) throws IOException {
        LoadReportFiles files = LoadReportFiles.write(report, folder);

        String page = Files.readString(files.html());
        assertThat(page).contains("<h1>Load run</h1>", "Not passed", "MISSED: --max-p95-ms 19", "s0-pub-1, s0-sub-1, s0-sub-2")
                .contains("<img alt=\"Frame rate\" src=\"data:image/png;base64,");
        assertThat(files.charts()).containsOnlyKeys("Participants and streams", "Frame rate", "Latency", "Harness CPU",
                "Harness memory");
        assertThat(files.charts().values()).allSatisfy(png -> assertThat(png).startsWith(0x89, 'P', 'N', 'G'));
    }

    @Test
    void anAllureResultCarriesTheVerdictAndTheFiles(@TempDir Path folder) throws IOException {
        LoadReportFiles files = LoadReportFiles.write(report, folder);
        Path results = folder.resolve("allure-results");

        AllureLoadResult.write(report, files, results);

        List<Path> written;
        try (var list = Files.list(results)) {
            written = list.toList();
        }
        Path result = written.stream().filter(p -> p.toString().endsWith("-result.json")).findFirst().orElseThrow();
        JsonNode json = new ObjectMapper().readTree(result.toFile());
        assertThat(json.path("status").asText()).isEqualTo("failed");
        assertThat(json.path("statusDetails").path("message").asText())
                .isEqualTo("MISSED: --max-p95-ms 19 (worst stream latency p95 20.0 ms)");
        assertThat(json.path("steps").findValuesAsText("name"))
                .containsExactly("met: --min-fps 14 (lowest stream frame rate 14.0 fps)",
                        "MISSED: --max-p95-ms 19 (worst stream latency p95 20.0 ms)");
        assertThat(json.path("labels").findValuesAsText("value")).contains("Load runs", "load");
        JsonNode page = json.path("attachments").get(0);
        assertThat(page.path("name").asText()).isEqualTo("load report");
        assertThat(page.path("type").asText()).isEqualTo("text/html");
        assertThat(results.resolve(page.path("source").asText())).hasSameTextualContentAs(files.html());
        // The result, the page, five plots, the JSON and two CSV files.
        assertThat(written).hasSize(10);
    }
}
