package io.trtcsim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The standalone simulator's command line: its help, and a bad option refused before anything starts,
 * with exit code 2 and a message naming the option. (Starting it for real is checked on the jar by
 * scripts/check-simulator-jar.sh and by the features against a running simulator.)
 */
class SimulatorMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = SimulatorMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains("--host=ADDRESS", "Default: 127.0.0.1")
                .contains("--port=PORT", "Default: 7788")
                .contains("--fixtures=FOLDER", "Default: fixtures")
                .contains("--media-timeout-seconds=SECONDS", "Default: 10")
                .contains("--heartbeat-timeout-seconds=SECONDS", "Default: 6")
                .contains("--callback-url=URL", "Default: none")
                .contains("--max-joins-per-connection=N", "Default: 1000")
                .contains("--max-joins-per-second=N", "Default: 2000")
                .contains("--max-connections-per-app=N", "Default: 20000")
                .contains("--max-rooms-per-app=N", "Default: 10000")
                .contains("--max-participants-per-room=N", "Default: 10000")
                .contains("--max-pending-messages=N", "Default: 50000")
                .contains("--help", "--version");
    }

    @Test
    void versionExitsZero() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("TRTC simulator ");
    }

    @Test
    void portOutsideItsRangeIsRefused() {
        assertRefused("--port", "--port", "70000");
        assertRefused("--port", "--port", "seven");
    }

    @Test
    void fixturesMustBeAFolderWithAppsJson(@TempDir Path empty) throws IOException {
        assertRefused("--fixtures", "--port", "0", "--fixtures", empty.resolve("absent").toString());
        assertRefused("apps.json", "--port", "0", "--fixtures", empty.toString());
        Files.writeString(empty.resolve("apps.json"), "{\"apps\": 3}");
        assertRefused("\"apps\" array", "--port", "0", "--fixtures", empty.toString());
    }

    @Test
    void mediaTimeoutMustBePositive() {
        assertRefused("--media-timeout-seconds", "--port", "0", "--media-timeout-seconds", "0");
    }

    @Test
    void heartbeatTimeoutMustBePositive() {
        assertRefused("--heartbeat-timeout-seconds", "--port", "0", "--heartbeat-timeout-seconds", "-1");
    }

    @Test
    void callbackUrlMustBeHttp() {
        assertRefused("--callback-url", "--port", "0", "--callback-url", "ftp://app-server/callback");
        assertRefused("--callback-url", "--port", "0", "--callback-url", "app-server/callback");
    }

    @Test
    void limitsMustBeAtLeastOne() {
        for (String option : new String[] {"--max-joins-per-connection", "--max-joins-per-second", "--max-connections-per-app",
            "--max-rooms-per-app", "--max-participants-per-room", "--max-pending-messages"}) {
            assertRefused(option, "--port", "0", option, "0");
        }
    }

    @Test
    void unknownOptionIsRefused() {
        assertRefused("--colour", "--colour", "blue");
    }

    private void assertRefused(String named, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(run(args)).as("exit code of %s", String.join(" ", args)).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).as("error of %s", String.join(" ", args)).contains(named);
        assertThat(out.toString()).as("nothing started").doesNotContain(SimulatorMain.READY);
    }
}
