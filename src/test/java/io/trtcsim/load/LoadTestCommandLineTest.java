package io.trtcsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.trtcsim.stack.LoopbackPorts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Bad input to the load command: refused before anything starts, with exit status 2 and one line
 * naming the option and the problem.
 */
class LoadTestCommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = LoadTest.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private void assertRefused(String message, String... args) {
        assertThat(run(args)).as("exit status of %s", String.join(" ", args)).isEqualTo(ExitStatus.BAD_INPUT.code());
        assertThat(err.toString()).contains(message).contains("Try 'load-test");
        assertThat(out.toString()).as("nothing started").doesNotContain("time ");
        err.getBuffer().setLength(0);
    }

    @Test
    void helpNamesBothSubcommandsAndEveryRunOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("run", "merge");
        assertThat(run("run", "--help")).isZero();
        assertThat(out.toString()).contains("--stack=STACK", "--rooms=N", "--publishers=N", "--subscribers=N", "--audience=N",
                "--video=WxH@FPS", "--ramp-rate=PER_SECOND", "--duration=DURATION", "--out=FOLDER", "--shard-index=I",
                "--shard-count=N", "--subscriber-kind=KIND", "--min-fps=FPS", "--max-p95-ms=MS", "JOB_COMPLETION_INDEX");
    }

    @Test
    void countsOfZeroAndNegativeAreRefused() {
        assertRefused("--rooms 0: a run needs at least one room", "run", "--rooms", "0");
        assertRefused("--subscribers -1: a count cannot be negative", "run", "--subscribers", "-1");
        assertRefused("no participant planned", "run", "--publishers", "0", "--subscribers", "0");
        assertRefused("--ramp-rate 0.0: participants must join", "run", "--ramp-rate", "0");
    }

    @Test
    void malformedValuesAreRefusedByOption() {
        assertRefused("Invalid value for option '--video': '320x180' is not WIDTHxHEIGHT@FPS", "run", "--video", "320x180");
        assertRefused("Invalid value for option '--video': '321x180@15': video size 321x180 is not supported", "run", "--video",
                "321x180@15");
        assertRefused("Invalid value for option '--duration': '20x' is not a duration like 500ms, 20s, 5m or 1h", "run",
                "--duration", "20x");
        assertRefused("--subscriber-kind 'cheap' is not known; use full or stats-only", "run", "--subscriber-kind", "cheap");
        assertRefused("--max-p95-ms needs latency, which --subscriber-kind stats-only does not measure", "run",
                "--subscriber-kind", "stats-only", "--max-p95-ms", "150");
        assertRefused("--min-fps 10 judges streams, and this plan has none to render", "run", "--subscribers", "0",
                "--min-fps", "10");
        assertRefused("Unknown options: '--rooom', '2'", "run", "--rooom", "2");
        assertRefused("Janus URL janus+ws://127.0.0.1/ needs a host and a port", "run", "--stack", "janus+ws://127.0.0.1/");
    }

    @Test
    void roomsAndShardsThatCannotBeAreRefused() {
        assertRefused("room range 1009..1000 is reversed: its first room is after its last", "run", "--room-range", "1009..1000");
        assertRefused("--room-range 1000..1001 names this shard's rooms outright: give it without --rooms and --first-room",
                "run", "--room-range", "1000..1001", "--rooms", "2");
        assertRefused("--shard-index 2 is outside 0..1", "run", "--shard-index", "2", "--shard-count", "2");
        assertRefused("--duration 30s leaves nothing to measure: the ramp takes 49.5 s (100 participants at --ramp-rate 2",
                "run", "--rooms", "20", "--subscribers", "4");
    }

    @Test
    void aPlanBeyondTheMachineIsRefusedSayingItsEstimate() {
        assertRefused("this plan needs about", "run", "--rooms", "1000", "--subscribers", "90", "--ramp-rate", "100000");
        assertThat(out.toString()).contains("memory: about ").contains("MB available");
    }

    @Test
    void theMergeRefusesWhatIsNoShardReport(@TempDir Path empty) {
        assertRefused(empty.resolve("load-report.json") + " is not a file", "merge", empty.toString());
        assertRefused("Missing required parameter: 'SHARD'", "merge");
        assertRefused("name a subcommand: run (one load process) or merge (shards' reports)");
    }

    /** Not refused before the start (the URL is well formed), but one line naming it once the stack is asked, no stack trace. */
    @Test
    void aJanusUrlWhereNoJanusAnswersCouldNotRunAndSaysWhere(@TempDir Path dir) {
        int closedPort = LoopbackPorts.free();
        String nowhere = "janus+ws://127.0.0.1:" + closedPort + "/";

        int status = run("run", "--stack", nowhere, "--publishers", "1", "--subscribers", "1", "--duration", "5s",
                "--out", dir.toString());

        assertThat(status).as("exit status; errors:\n%s", err).isEqualTo(ExitStatus.COULD_NOT_RUN.code());
        assertThat(err.toString()).startsWith("the stack does not answer: no Janus answers at " + nowhere + ": ")
                .doesNotContain("\tat ");
        assertThat(out.toString()).as("nothing measured").doesNotContain("time ");
    }
}
