package io.trtcsim.stack.janus;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * One Janus for several harness processes to share, e.g. the shards of a load run: a
 * {@link JanusProcess} with the harness's own generated configuration, on ports the user picks, kept
 * running until this process is stopped (SIGTERM or Ctrl-C stops janus and deletes its folder).
 * It prints the harness.stack value to use, {@code janus+ws://host:port/}. {@code scripts/janus.sh}
 * runs it in the background; docs/load.md "Shards".
 */
@Command(name = "shared-janus", mixinStandardHelpOptions = true,
        description = {"Starts Debian's janus with the harness's configuration (VideoRoom only, media on this machine's"
                + " IPv4 address) for several harness processes to share, prints the stack value for them"
                + " (janus+ws://host:port/) and runs until stopped (SIGTERM, Ctrl-C).", ""})
public final class SharedJanus implements Callable<Integer> {

    /** The line that tells a script the Janus is up; the URL follows it. */
    public static final String READY = "shared janus ready: ";
    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_COULD_NOT_RUN = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8188",
            description = "Janus's WebSocket port, the one in the stack value (default: ${DEFAULT-VALUE}, Janus's own default).")
    private int webSocketPort;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8088",
            description = "Janus's HTTP API port (default: ${DEFAULT-VALUE}); Janus 1.1.2 cannot run without it.")
    private int httpPort;

    @Option(names = "--network",
            description = "Listen on every interface, so shards on other machines reach this Janus at this machine's address;"
                    + " without it, loopback only (shards on this machine).")
    private boolean network;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SharedJanus());
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> {
            failed.getErr().println("shared janus could not start: " + failure.getMessage());
            failed.getErr().flush();
            return EXIT_COULD_NOT_RUN;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        JanusSignaling signaling;
        try {
            signaling = new JanusSignaling(network ? JanusSignaling.Reach.NETWORK : JanusSignaling.Reach.THIS_MACHINE,
                    webSocketPort, httpPort);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        // janus does not fail when its port is taken, and whatever holds the port would pass for it.
        requireFree(signaling, webSocketPort, "--port");
        requireFree(signaling, httpPort, "--http-port");
        JanusProcess janus = JanusProcess.start(signaling, JanusProcess.DEFAULT_READY_TIMEOUT);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            janus.close();
        }, "shared-janus-stop"));
        JanusUrl url = new JanusUrl(URI.create("ws://" + (network ? janus.mediaAddress() : "127.0.0.1") + ":"
                + webSocketPort + "/"));
        out.println("janus pid " + janus.pid() + ", media on " + janus.mediaAddress() + ", log " + janus.logFile());
        out.println("stop it with SIGTERM to pid " + ProcessHandle.current().pid() + " (this process), or bash scripts/janus.sh stop");
        out.println(READY + url);
        out.flush();
        int status = janus.onExit().join().exitValue();
        if (stopping.get()) {
            return 0;
        }
        spec.commandLine().getErr().println("janus (pid " + janus.pid() + ") exited by itself with status " + status
                + "; the end of its log:\n" + String.join("\n", janus.logTail(30)));
        janus.close();
        return EXIT_COULD_NOT_RUN;
    }

    private void requireFree(JanusSignaling signaling, int port, String option) {
        InetAddress address = signaling.reach() == JanusSignaling.Reach.NETWORK ? null : InetAddress.getLoopbackAddress();
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), option + " " + port + " is taken on "
                    + (address == null ? "this machine" : "loopback") + " (" + e.getMessage()
                    + "): another Janus or program listens there; pick another port");
        }
    }
}
