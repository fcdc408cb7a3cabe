package io.trtcsim.simulator;

import io.trtcsim.usersig.AppKeyStore;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs the reference simulator on its own, for other clients, machines or CI jobs:
 * {@code java -jar target/trtc-flow-harness-<version>-simulator.jar --port 7788 --fixtures fixtures}
 * (or {@code mvn -q compile exec:java -Dexec.args="..."}). Stops on Ctrl-C (SIGINT/SIGTERM),
 * releasing its media engine.
 * <p>
 * Once it accepts connections it prints a line starting with {@value #READY}: the container stack
 * (and anything else that starts it) waits for that line.
 */
@Command(name = "trtc-simulator", mixinStandardHelpOptions = true, versionProvider = SimulatorMain.Version.class,
        showDefaultValues = true, sortOptions = false, usageHelpAutoWidth = false,
        description = {
            "The reference simulator of TRTC's documented signaling, with a packet-forwarding SFU.",
            "Signaling on ws://HOST:PORT/signal; the server API, GET /health, GET /media and GET /rooms and the network conditions (/network) on the same port.",
            ""})
public final class SimulatorMain implements Callable<Integer> {

    /** The start of the line printed once the simulator accepts connections. */
    public static final String READY = "TRTC simulator ready";

    private static final Set<String> CALLBACK_SCHEMES = Set.of("http", "https");

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address of the signaling, the HTTP endpoints and the media (ICE candidate); 0.0.0.0 listens on every "
                    + "interface and offers the first non-loopback IPv4 address for media.")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7788",
            description = "Port of the signaling WebSocket and the HTTP endpoints; 0 picks a free one (printed in the ready line).")
    private int port;

    @Option(names = "--fixtures", paramLabel = "FOLDER", defaultValue = "fixtures",
            description = "Folder holding apps.json: the applications (SDKAppID, secret key, callback key) whose UserSigs are accepted.")
    private Path fixtures;

    @Option(names = "--media-timeout-seconds", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long a publication's or subscription's peer connection may take to come up before the simulator drops it.")
    private long mediaTimeoutSeconds;

    @Option(names = "--heartbeat-timeout-seconds", paramLabel = "SECONDS", defaultValue = "6",
            description = "How long a client's signaling connection may stay silent (no heartbeat, no request) before the"
                    + " simulator takes the client as gone: the others then get stream-removed and peer-leave. A reconnection"
                    + " within this time resumes the membership unseen.")
    private long heartbeatTimeoutSeconds;

    @Option(names = "--callback-url", paramLabel = "URL",
            description = "http(s) URL the server callbacks (room and media events) are POSTed to. Default: none, no callbacks are sent.")
    private URI callbackUrl;

    @Option(names = "--max-joins-per-connection", paramLabel = "N", defaultValue = "" + SimulatorLimits.DEFAULT_JOINS_PER_CONNECTION,
            description = "Joins one signaling connection may make in its life (joining and leaving over and over counts each"
                    + " join); the next is refused with JOIN_ROOM_FAILED, extra code -19001.")
    private int maxJoinsPerConnection;

    @Option(names = "--max-joins-per-second", paramLabel = "N", defaultValue = "" + SimulatorLimits.DEFAULT_JOINS_PER_SECOND,
            description = "Joins per second per application (a token bucket holding one second's worth); a join beyond it"
                    + " is refused with JOIN_ROOM_FAILED, extra code -19002.")
    private int maxJoinsPerSecond;

    @Option(names = "--max-connections-per-app", paramLabel = "N",
            defaultValue = "" + SimulatorLimits.DEFAULT_CONNECTIONS_PER_APPLICATION,
            description = "Open signaling connections per application (a connection counts from its first join until it"
                    + " closes); a join on one more is refused with JOIN_ROOM_FAILED, extra code -19003.")
    private int maxConnectionsPerApp;

    @Option(names = "--max-rooms-per-app", paramLabel = "N", defaultValue = "" + SimulatorLimits.DEFAULT_ROOMS_PER_APPLICATION,
            description = "Rooms per application at once; a join that would open one more is refused with JOIN_ROOM_FAILED,"
                    + " extra code -19004.")
    private int maxRoomsPerApp;

    @Option(names = "--max-participants-per-room", paramLabel = "N",
            defaultValue = "" + SimulatorLimits.DEFAULT_PARTICIPANTS_PER_ROOM,
            description = "Members per room; a join into a full room is refused with JOIN_ROOM_FAILED, extra code -19005.")
    private int maxParticipantsPerRoom;

    @Option(names = "--max-pending-messages", paramLabel = "N", defaultValue = "" + SimulatorLimits.DEFAULT_PENDING_MESSAGES,
            description = "Messages queued to one connection and not yet written; a client that lets more wait unread is"
                    + " disconnected (status 1008).")
    private int maxPendingMessages;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command as {@link #main} runs it: bad options exit with 2 and name the option, a start that
     * fails (e.g. the port is taken) exits with 1 and says why in one line.
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SimulatorMain());
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> {
            failed.getErr().println("cannot start the TRTC simulator: "
                    + Optional.ofNullable(failure.getMessage()).orElse(failure.toString()));
            return failed.getCommandSpec().exitCodeOnExecutionException();
        });
        return commandLine;
    }

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig config = SimulatorConfig.onLoopback(appKeys()).withHost(validHost()).withPort(validPort())
                .withMediaTimeout(validMediaTimeout()).withIdleTimeout(validHeartbeatTimeout()).withLimits(validLimits());
        Optional<URI> callbacks = validCallbackUrl();
        if (callbacks.isPresent()) {
            config = config.withCallbacksTo(callbacks.get());
        }
        SimulatorServer server = SimulatorServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(READY + ": signaling " + server.signalingUri() + ", health " + server.httpUri() + "/health");
        // Whoever waits for the line reads a pipe: it must not sit in a buffer.
        out.flush();
        stopped.await();
        return 0;
    }

    private String validHost() {
        if (host.isBlank()) {
            throw invalid("--host", "'" + host + "' is blank (0.0.0.0 listens on every interface)");
        }
        return host;
    }

    private int validPort() {
        if (port < 0 || port > 65535) {
            throw invalid("--port", port + " is outside 0..65535 (0 picks a free port)");
        }
        return port;
    }

    private AppKeyStore appKeys() {
        if (!Files.isDirectory(fixtures)) {
            throw invalid("--fixtures", "'" + fixtures + "' is not a folder");
        }
        Path apps = fixtures.resolve("apps.json");
        if (!Files.isRegularFile(apps)) {
            throw invalid("--fixtures", "'" + fixtures + "' has no apps.json (the applications' keys)");
        }
        try {
            return AppKeyStore.load(apps);
        } catch (IllegalArgumentException e) {
            throw invalid("--fixtures", e.getMessage());
        }
    }

    private Duration validMediaTimeout() {
        if (mediaTimeoutSeconds <= 0) {
            throw invalid("--media-timeout-seconds", mediaTimeoutSeconds + " is not a positive number of seconds");
        }
        return Duration.ofSeconds(mediaTimeoutSeconds);
    }

    private Duration validHeartbeatTimeout() {
        if (heartbeatTimeoutSeconds <= 0) {
            throw invalid("--heartbeat-timeout-seconds", heartbeatTimeoutSeconds + " is not a positive number of seconds");
        }
        return Duration.ofSeconds(heartbeatTimeoutSeconds);
    }

    private SimulatorLimits validLimits() {
        return new SimulatorLimits(atLeastOne("--max-joins-per-connection", maxJoinsPerConnection),
                atLeastOne("--max-joins-per-second", maxJoinsPerSecond),
                atLeastOne("--max-connections-per-app", maxConnectionsPerApp),
                atLeastOne("--max-rooms-per-app", maxRoomsPerApp),
                atLeastOne("--max-participants-per-room", maxParticipantsPerRoom),
                atLeastOne("--max-pending-messages", maxPendingMessages));
    }

    private int atLeastOne(String option, int value) {
        if (value < 1) {
            throw invalid(option, value + " is not a limit of at least 1");
        }
        return value;
    }

    private Optional<URI> validCallbackUrl() {
        if (callbackUrl == null) {
            return Optional.empty();
        }
        String scheme = Optional.ofNullable(callbackUrl.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!CALLBACK_SCHEMES.contains(scheme) || callbackUrl.getHost() == null) {
            throw invalid("--callback-url", "'" + callbackUrl + "' is not an http:// or https:// URL with a host");
        }
        return Optional.of(callbackUrl);
    }

    /** Worded as picocli words its own conversion errors, so every bad option reads alike. */
    private ParameterException invalid(String option, String why) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + why);
    }

    /** The version the jar's manifest carries (the shaded simulator jar sets it); a build from classes has none. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Optional.ofNullable(SimulatorMain.class.getPackage().getImplementationVersion())
                    .orElse("(development build, no jar manifest)");
            return new String[] {"TRTC simulator " + version, "Java " + Runtime.version()};
        }
    }
}
