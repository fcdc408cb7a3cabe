package io.trtcsim.stack.janus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What the shared Janus refuses before janus starts. janus does not fail on a port that is taken,
 * and whatever holds the port would then pass for it; its start and stop are in
 * io.trtcsim.load.JanusShardedLoadTest.
 */
class SharedJanusTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = SharedJanus.commandLine();
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void aPortTakenByAnotherProgramIsRefusedNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(run("--port", Integer.toString(port), "--http-port", "1")).isEqualTo(SharedJanus.EXIT_BAD_INPUT);
        }
        assertThat(err.toString()).contains("is taken on loopback").contains("pick another port")
                .doesNotContain(SharedJanus.READY);
    }

    @Test
    void onePortForBothTransportsIsRefused() {
        assertThat(run("--port", "18188", "--http-port", "18188")).isEqualTo(SharedJanus.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("cannot share port 18188");
    }
}
