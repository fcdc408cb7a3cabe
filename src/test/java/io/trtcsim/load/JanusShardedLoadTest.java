package io.trtcsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.stack.LoopbackPorts;
import io.trtcsim.stack.janus.JanusInstalled;
import io.trtcsim.stack.janus.SharedJanus;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards sharing one Janus, as they do beyond one machine: one Janus started the way a user starts
 * it for them ({@link SharedJanus}, what scripts/janus.sh runs), two load processes pointed at its
 * {@code janus+ws://} URL, their reports merged; afterwards both shards' rooms are still on the
 * Janus (neither shard removed the other's), and stopping the shared Janus stops janus itself.
 */
class JanusShardedLoadTest {

    private static final Pattern JANUS_PID = Pattern.compile("janus pid (\\d+)");

    private final LoadProcesses processes = new LoadProcesses();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Optional<Process> sharedJanus = Optional.empty();
    private Optional<Long> janusPid = Optional.empty();

    @BeforeEach
    void janusIsInstalled() {
        JanusInstalled.assumeInstalled();
    }

    @AfterEach
    void stopEverythingStarted() {
        // SIGTERM first, so the shared Janus stops janus and deletes its folder itself...
        sharedJanus.ifPresent(process -> {
            process.destroy();
            process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join();
        });
        processes.close();
        // ...and should it have been killed instead, janus is left behind: that one goes by its id too.
        janusPid.flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void twoShardProcessesAgainstOneSharedJanusMergeIntoOneReport(@TempDir Path dir) throws Exception {
        int httpPort = LoopbackPorts.free();
        Path janusLog = dir.resolve("shared-janus.log");
        Process sharedJanus = processes.java(SharedJanus.class, janusLog, Map.of(),
                List.of("--port", Integer.toString(LoopbackPorts.free()), "--http-port", Integer.toString(httpPort)));
        this.sharedJanus = Optional.of(sharedJanus);
        String stack = awaitReady(sharedJanus, janusLog);
        assertThat(stack).startsWith("janus+ws://127.0.0.1:");

        List<String> common = List.of("--stack", stack, "--shard-count", "2", "--first-room", "4400", "--publishers", "1",
                "--subscribers", "1", "--ramp-rate", "4", "--duration", "8s", "--warm-up", "2s", "--interval", "2s",
                "--min-fps", "5");
        Process shard0 = processes.load(dir.resolve("shard-0.log"), Map.of(),
                LoadProcesses.run(common, "--shard-index", "0", "--out", dir.resolve("shard-0").toString()));
        Process shard1 = processes.load(dir.resolve("shard-1.log"), Map.of(),
                LoadProcesses.run(common, "--shard-index", "1", "--out", dir.resolve("shard-1").toString()));

        assertThat(LoadProcesses.exitOf(shard0, dir.resolve("shard-0.log"))).as("shard 0's exit status")
                .isEqualTo(ExitStatus.PASSED.code());
        assertThat(LoadProcesses.exitOf(shard1, dir.resolve("shard-1.log"))).as("shard 1's exit status")
                .isEqualTo(ExitStatus.PASSED.code());
        assertThat(Files.readString(dir.resolve("shard-1.log"))).contains("shard 1 of 2: rooms 4401..4401", "on " + stack);

        StringWriter console = new StringWriter();
        int merged = LoadProcesses.command(console).execute("merge", "--out", dir.resolve("merged").toString(),
                dir.resolve("shard-0").toString(), dir.resolve("shard-1").toString());

        assertThat(merged).as("the merge's exit status; its console:\n%s", console).isEqualTo(ExitStatus.PASSED.code());
        assertThat(console.toString()).contains("merged shards [0, 1] of 2: 4 participants joined");
        LoadReport report = new LoadJson().read(dir.resolve("merged").resolve(LoadReportFiles.JSON));
        assertThat(report.shards()).extracting(ShardRun::shardIndex, ShardRun::stack, ShardRun::rooms, ShardRun::end)
                .containsExactly(tuple(0, stack, new RoomRange(4400, 4400), RunEnd.COMPLETED),
                        tuple(1, stack, new RoomRange(4401, 4401), RunEnd.COMPLETED));
        assertThat(report.participants()).containsExactly("s0-pub-1", "s0-sub-1", "s1-pub-1", "s1-sub-1");
        assertThat(report.summary().streams()).extracting(StreamFigures::subscriber, StreamFigures::publisher, StreamFigures::room)
                .containsExactly(tuple("s0-sub-1", "s0-pub-1", 4400L), tuple("s1-sub-1", "s1-pub-1", 4401L));
        assertThat(report.summary().aggregate().fpsMin()).isGreaterThan(5);
        assertThat(report.verdicts()).singleElement().extracting(Verdict::met).isEqualTo(true);
        assertThat(report.failures()).isEmpty();

        // Each shard created its own room on the Janus; both are there once both ended, each empty.
        assertThat(videoRoomParticipants(URI.create("http://127.0.0.1:" + httpPort + "/janus")))
                .containsEntry(4400L, 0).containsEntry(4401L, 0);

        sharedJanus.destroy();
        assertThat(LoadProcesses.exitOf(sharedJanus, janusLog)).as("the shared Janus's JVM, ended by SIGTERM")
                .isEqualTo(128 + 15);
        long pid = janusPid.orElseThrow();
        await("janus (pid " + pid + ") to be stopped with the shared Janus").atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    /** The stack value the shared Janus prints once janus listens; its janus's pid kept for the clean-up. */
    private String awaitReady(Process sharedJanus, Path log) {
        await("the shared Janus to print its URL (" + log + ")").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!sharedJanus.isAlive()) {
                        throw new AssertionError("the shared Janus ended with status " + sharedJanus.exitValue() + ":\n"
                                + Files.readString(log));
                    }
                    return Files.readString(log).contains(SharedJanus.READY);
                });
        String output = readQuietly(log);
        Matcher pid = JANUS_PID.matcher(output);
        assertThat(pid.find()).as("the janus pid in the shared Janus's output:\n%s", output).isTrue();
        janusPid = Optional.of(Long.parseLong(pid.group(1)));
        return output.lines().filter(line -> line.startsWith(SharedJanus.READY)).findFirst().orElseThrow()
                .substring(SharedJanus.READY.length()).trim();
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + log, e);
        }
    }

    /** Janus's VideoRoom rooms and how many are in each, through its HTTP API: a session, a handle, 'list'. */
    private Map<Long, Integer> videoRoomParticipants(URI api) throws Exception {
        long session = post(api, "{\"janus\":\"create\",\"transaction\":\"t1\"}").path("data").path("id").asLong();
        URI sessionUri = URI.create(api + "/" + session);
        try {
            long handle = post(sessionUri, "{\"janus\":\"attach\",\"plugin\":\"janus.plugin.videoroom\",\"transaction\":\"t2\"}")
                    .path("data").path("id").asLong();
            JsonNode list = post(URI.create(sessionUri + "/" + handle),
                    "{\"janus\":\"message\",\"body\":{\"request\":\"list\"},\"transaction\":\"t3\"}")
                    .path("plugindata").path("data").path("list");
            Map<Long, Integer> rooms = new LinkedHashMap<>();
            list.forEach(room -> rooms.put(room.path("room").asLong(), room.path("num_participants").asInt()));
            return rooms;
        } finally {
            post(sessionUri, "{\"janus\":\"destroy\",\"transaction\":\"t4\"}");
        }
    }

    private JsonNode post(URI uri, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("janus").asText()).as("Janus's answer to %s: %s", body, answer).isEqualTo("success");
        return answer;
    }
}
