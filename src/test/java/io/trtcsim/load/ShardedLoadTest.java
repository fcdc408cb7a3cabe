package io.trtcsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.trtcsim.simulator.SimulatorConfig;
import io.trtcsim.simulator.SimulatorServer;
import io.trtcsim.usersig.AppKeyStore;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards as they run beyond one machine: separate load processes (this JVM's java and class
 * path), each its own shard, against one standalone simulator, then their reports merged; and a
 * shard stopped by SIGTERM, which still closes its connections and writes what it measured.
 */
class ShardedLoadTest {

    private final LoadProcesses processes = new LoadProcesses();
    private SimulatorServer shared;

    @BeforeEach
    void startTheSharedSimulator() {
        shared = SimulatorServer.start(SimulatorConfig.onLoopback(AppKeyStore.load(Path.of("fixtures/apps.json"))));
    }

    @AfterEach
    void stopEverythingStarted() {
        processes.close();
        shared.close();
    }

    @Test
    void twoShardProcessesAgainstOneSimulatorMergeIntoOneReport(@TempDir Path dir) throws Exception {
        String stack = shared.signalingUri().toString();
        List<String> common = List.of("--stack", stack, "--shard-count", "2", "--first-room", "4200", "--publishers", "1",
                "--subscribers", "1", "--ramp-rate", "4", "--duration", "8s", "--warm-up", "2s", "--interval", "2s",
                "--min-fps", "5");
        Process shard0 = processes.load(dir.resolve("shard-0.log"), Map.of(),
                LoadProcesses.run(common, "--shard-index", "0", "--out", dir.resolve("shard-0").toString()));
        // The second takes its index as a Kubernetes Indexed Job gives it.
        Process shard1 = processes.load(dir.resolve("shard-1.log"), Map.of("JOB_COMPLETION_INDEX", "1"),
                LoadProcesses.run(common, "--out", dir.resolve("shard-1").toString()));

        assertThat(LoadProcesses.exitOf(shard0, dir.resolve("shard-0.log"))).isEqualTo(ExitStatus.PASSED.code());
        assertThat(LoadProcesses.exitOf(shard1, dir.resolve("shard-1.log"))).isEqualTo(ExitStatus.PASSED.code());
        assertThat(Files.readString(dir.resolve("shard-1.log"))).contains("shard 1 of 2: rooms 4201..4201");

        StringWriter console = new StringWriter();
        int merged = LoadProcesses.command(console).execute("merge", "--out", dir.resolve("merged").toString(),
                dir.resolve("shard-0").toString(), dir.resolve("shard-1").resolve(LoadReportFiles.JSON).toString());

        assertThat(merged).as("the merge's exit status; its console:\n%s", console).isEqualTo(ExitStatus.PASSED.code());
        LoadReport report = new LoadJson().read(dir.resolve("merged").resolve(LoadReportFiles.JSON));
        assertThat(report.shards()).extracting(ShardRun::shardIndex).containsExactly(0, 1);
        assertThat(report.shards()).extracting(ShardRun::rooms).containsExactly(new RoomRange(4200, 4200), new RoomRange(4201, 4201));
        assertThat(report.participants()).containsExactly("s0-pub-1", "s0-sub-1", "s1-pub-1", "s1-sub-1");
        assertThat(report.summary().streams()).extracting(StreamFigures::subscriber, StreamFigures::publisher)
                .containsExactly(tuple("s0-sub-1", "s0-pub-1"),
                        tuple("s1-sub-1", "s1-pub-1"));
        assertThat(report.summary().aggregate().fpsMin()).isGreaterThan(5);
        assertThat(report.samples()).allSatisfy(sample ->
                assertThat(sample.harness()).extracting(HarnessFigures::shard).doesNotHaveDuplicates());
        LoadJson json = new LoadJson();
        List<LoadReport> own = List.of(json.read(dir.resolve("shard-0").resolve(LoadReportFiles.JSON)),
                json.read(dir.resolve("shard-1").resolve(LoadReportFiles.JSON)));
        for (int index = 0; index < 2; index++) {
            int shard = index;
            assertThat(report.samples().stream().filter(sample -> sample.harness().stream().anyMatch(h -> h.shard() == shard)))
                    .as("merged intervals holding shard %d", shard).hasSize(own.get(shard).samples().size());
        }
        // The second JVM starts up to a second or so after the first: its intervals may sit one
        // place later, never further (the merge moves a shard by whole intervals, decided once).
        long startGapMillis = Math.abs(own.get(1).shards().get(0).startedEpochMillis() - own.get(0).shards().get(0).startedEpochMillis());
        assertThat(report.samples().stream().filter(sample -> sample.harness().size() == 2))
                .as("merged intervals holding both shards, which started %d ms apart", startGapMillis)
                .hasSizeGreaterThanOrEqualTo(Math.min(own.get(0).samples().size(), own.get(1).samples().size()) - 1);
        assertThat(report.verdicts()).singleElement().extracting(Verdict::met).isEqualTo(true);
        assertThat(Files.readString(dir.resolve("merged").resolve(LoadReportFiles.HTML)))
                .contains("Load run, 2 shards merged", "s0-sub-1", "s1-sub-1");
        for (int index = 0; index < 2; index++) {
            Path result;
            try (var results = Files.list(dir.resolve("shard-" + index).resolve("allure-results"))) {
                result = results.filter(p -> p.toString().endsWith("-result.json")).findFirst().orElseThrow();
            }
            // Each shard is a result of its own in a shared Allure report, not a retry of the other's.
            assertThat(Files.readString(result)).as("shard %d's Allure result", index)
                    .contains("1 room × 1 publisher, 1 subscriber, 0 audience at 320x180@15, 8 s, shard " + (index + 1) + " of 2");
        }

        console.getBuffer().setLength(0);
        int strict = LoadProcesses.command(console).execute("merge", "--out", dir.resolve("merged-strict").toString(), "--max-p95-ms", "1",
                dir.resolve("shard-0").toString(), dir.resolve("shard-1").toString());
        assertThat(strict).as("a threshold no stream meets; the console:\n%s", console).isEqualTo(ExitStatus.NOT_PASSED.code());
        assertThat(console.toString()).contains("MISSED: --max-p95-ms 1 (worst stream latency p95 ");
    }

    @Test
    void aShardStoppedBySigtermClosesItsConnectionsAndWritesWhatItMeasured(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("shard.log");
        Process shard = processes.load(log, Map.of(), List.of("run", "--stack", shared.signalingUri().toString(),
                "--first-room", "4300", "--publishers", "1", "--subscribers", "1", "--ramp-rate", "4", "--duration", "60s",
                "--interval", "1s", "--out", dir.resolve("out").toString()));
        await("the shard's progress table to show its stream rendering").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(log) && Files.readString(log).matches("(?s).*\\s2/2\\s+0\\s+1/1\\s.*"));

        shard.destroy();

        assertThat(LoadProcesses.exitOf(shard, log)).as("the exit status of a JVM ended by SIGTERM").isEqualTo(128 + 15);
        LoadReport report = new LoadJson().read(dir.resolve("out").resolve(LoadReportFiles.JSON));
        assertThat(report.shards().get(0).end()).isEqualTo(RunEnd.INTERRUPTED);
        assertThat(report.samples()).isNotEmpty();
        assertThat(report.summary().aggregate().rendering()).isEqualTo(1);
        assertThat(dir.resolve("out").resolve(LoadReportFiles.HTML)).exists();
        await("the simulator to see every participant of the shard gone").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> shared.describeRooms().startsWith("(no rooms)") && shared.mediaLinks().isEmpty());
    }
}
