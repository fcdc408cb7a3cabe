package io.trtcsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.harness.HarnessConfig;
import io.trtcsim.media.VideoProfile;
import io.trtcsim.simulator.SimulatorConfig;
import io.trtcsim.simulator.SimulatorServer;
import io.trtcsim.usersig.AppKeyStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Real load runs in this JVM: a short one on the embedded stack, through the command as a user
 * runs it, and one stopped half way against a simulator that outlives it, which must find every
 * participant gone.
 */
class LoadRunTest {

    private static final Duration RUN_ENDS_WITHIN = Duration.ofSeconds(40);

    @Test
    void aShortRunOnTheEmbeddedStackMeasuresEveryStreamAndWritesItsReport(@TempDir Path out) throws IOException {
        StringWriter console = new StringWriter();
        CommandLine command = LoadTest.commandLine();
        command.setOut(new PrintWriter(console, true));
        command.setErr(new PrintWriter(console, true));

        int status = command.execute("run", "--stack", "embedded", "--publishers", "1", "--subscribers", "2",
                "--ramp-rate", "4", "--duration", "8s", "--warm-up", "2s", "--interval", "2s", "--out", out.toString(),
                "--min-fps", "5", "--max-p95-ms", "1000");

        assertThat(status).as("exit status; the console:\n%s", console).isEqualTo(ExitStatus.PASSED.code());
        assertThat(console.toString()).contains("joined", "rendering", "cpu").containsPattern("\\s+3/3\\s+0\\s+2/2\\s")
                .contains("met: --min-fps 5", "PASSED");
        LoadReport report = new LoadJson().read(out.resolve(LoadReportFiles.JSON));
        assertThat(report.participants()).containsExactly("s0-pub-1", "s0-sub-1", "s0-sub-2");
        assertThat(report.samples()).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(sample -> assertThat(sample.harness().get(0).residentMegabytes()).isGreaterThan(100));
        assertThat(report.samples()).anySatisfy(sample -> assertThat(sample.cpuCores()).isGreaterThan(0));
        StreamAggregate steady = report.summary().aggregate();
        assertThat(report.summary().streams()).extracting(StreamFigures::subscriber).containsExactly("s0-sub-1", "s0-sub-2");
        assertThat(steady.fpsMin()).isGreaterThan(5);
        assertThat(steady.latencyP95Worst()).isBetween(1.0, 1000.0);
        assertThat(report.summary().windowStartSeconds()).as("the steady window opens after the ramp and the warm-up")
                .isGreaterThanOrEqualTo(2.5);
        assertThat(Files.readAllLines(out.resolve(LoadReportFiles.SAMPLES_CSV))).hasSize(report.samples().size() + 1);
        assertThat(Files.readAllLines(out.resolve(LoadReportFiles.STREAMS_CSV))).hasSize(3);
        assertThat(Files.readString(out.resolve(LoadReportFiles.HTML))).contains("Passed", "s0-sub-2");
        assertThat(allureStatus(out.resolve("allure-results"))).isEqualTo("passed");
        assertThat(threadsOfTheRun()).as("threads of the run left").isEmpty();
    }

    @Test
    void statsOnlySubscribersAreMeasuredFromGetStatsAndTheAudienceTakesNoMedia(@TempDir Path out) throws IOException {
        StringWriter console = new StringWriter();
        CommandLine command = LoadTest.commandLine();
        command.setOut(new PrintWriter(console, true));
        command.setErr(new PrintWriter(console, true));

        int status = command.execute("run", "--stack", "embedded", "--publishers", "1", "--subscribers", "3",
                "--subscriber-kind", "stats-only", "--audience", "20", "--ramp-rate", "10", "--duration", "8s",
                "--warm-up", "2s", "--interval", "2s", "--out", out.toString(), "--min-fps", "5", "--max-freezes", "3");

        assertThat(status).as("exit status; the console:\n%s", console).isEqualTo(ExitStatus.PASSED.code());
        LoadReport report = new LoadJson().read(out.resolve(LoadReportFiles.JSON));
        assertThat(report.participants()).hasSize(24).contains("s0-aud-20");
        assertThat(report.summary().streams()).extracting(StreamFigures::subscriber)
                .containsExactly("s0-sub-1", "s0-sub-2", "s0-sub-3");
        assertThat(report.summary().streams()).allSatisfy(stream -> {
            assertThat(stream.fps()).as("fps of %s from getStats", stream.subscriber()).isGreaterThan(5);
            assertThat(stream.framesRendered()).as("frames decoded by %s", stream.subscriber()).isGreaterThan(10);
            assertThat(stream.latencyP95Millis()).as("a stats-only subscriber reads no marker").isNaN();
        });
        assertThat(threadsOfTheRun()).as("threads of the run left").isEmpty();
    }

    @Test
    void aRunStoppedHalfWayClosesEveryConnectionAndKeepsWhatItMeasured() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (SimulatorServer shared = SimulatorServer.start(SimulatorConfig.onLoopback(
                AppKeyStore.load(Path.of("fixtures/apps.json"))))) {
            LoadPlan plan = new LoadPlan(shared.signalingUri().toString(), Shard.ONLY, new RoomRange(3100, 3100), 1, 1, 1,
                    new VideoProfile(320, 180, 15), 4, Duration.ofSeconds(60), Duration.ofSeconds(1), SubscriberKind.FULL);
            StringWriter console = new StringWriter();
            LoadRun run = new LoadRun(plan, Duration.ofSeconds(1), List.of(new Threshold(Criterion.MIN_FPS, 5)),
                    HarnessConfig.load(), new PrintWriter(console, true));
            CompletableFuture<LoadReport> running = CompletableFuture.supplyAsync(run::run, caller);
            await("a row of the progress table with the stream rendering").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100)).until(() -> console.toString().matches("(?s).*\\s3/3\\s+0\\s+1/1\\s.*"));

            run.stop();
            LoadReport report = running.get(RUN_ENDS_WITHIN.toSeconds(), TimeUnit.SECONDS);

            assertThat(report.shards().get(0).end()).isEqualTo(RunEnd.INTERRUPTED);
            assertThat(report.shards().get(0).ranSeconds()).isLessThan(30);
            assertThat(report.whyNotPassed()).anyMatch(reason -> reason.startsWith("shard 0 was interrupted after"));
            assertThat(report.participants()).containsExactly("s0-pub-1", "s0-sub-1", "s0-aud-1");
            assertThat(report.samples()).isNotEmpty();
            assertThat(report.summary().aggregate().fpsMedian()).isGreaterThan(0);
            await("the simulator to see every participant of the run gone").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> shared.describeRooms().startsWith("(no rooms)") && shared.mediaLinks().isEmpty());
            assertThat(threadsOfTheRun()).as("threads of the run left").isEmpty();
        } finally {
            caller.shutdownNow();
        }
    }

    private static String allureStatus(Path results) throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            Path result = files.filter(p -> p.getFileName().toString().endsWith("-result.json")).findFirst().orElseThrow();
            JsonNode json = new ObjectMapper().readTree(result.toFile());
            return json.path("status").asText();
        }
    }

    static List<String> threadsOfTheRun() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("load-")).toList();
    }
}
