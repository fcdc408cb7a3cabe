package io.trtcsim.stack.container;

import io.trtcsim.stack.LoopbackPorts;
import io.trtcsim.stack.SimulatorStack;
import io.trtcsim.stack.StackUnavailableException;
import io.trtcsim.trtc.RoomId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * The reference simulator in a container of the image {@code trtcsim/simulator:local}, one per
 * scenario, started through Testcontainers: the same program as the embedded stack, in its own JVM
 * and file system, reached over the network.
 * <p>
 * It runs in the host's network namespace, listening on a loopback port chosen here: so its server
 * callbacks reach the scenario's app server, which listens on loopback only, and its media takes the
 * same path as the embedded simulator's. (As a CI service container it runs on a bridge with port
 * 7788 published instead; see docs/containers.md.) The harness's keys (fixtures/apps.json) are copied
 * in, so participants' UserSigs verify.
 */
public final class SimulatorContainerStack extends SimulatorStack {

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String FIXTURES_IN_IMAGE = "/opt/trtcsim/fixtures";
    private static final int LOG_LINES = 300;

    private final StartedContainer container;

    private SimulatorContainerStack(URI signalingUri, Duration connectTimeout, StartedContainer container) {
        super(signalingUri, connectTimeout);
        this.container = container;
    }

    /**
     * @param appsJson the application keys the simulator verifies UserSigs with
     * @param callbacks where the simulator sends its server callbacks, if anywhere
     * @throws StackUnavailableException when Docker or the image is missing
     */
    public static SimulatorContainerStack start(Path appsJson, Duration mediaTimeout, Optional<URI> callbacks,
                                                Duration connectTimeout, Duration readyTimeout) {
        if (!Files.isRegularFile(appsJson)) {
            throw new IllegalArgumentException("no application keys at " + appsJson.toAbsolutePath());
        }
        // It shares the host's network, so it needs a port free on the host's loopback.
        int port = LoopbackPorts.free();
        List<String> command = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(port),
                "--fixtures", FIXTURES_IN_IMAGE, "--media-timeout-seconds",
                String.valueOf(Math.max(1, mediaTimeout.toSeconds()))));
        callbacks.ifPresent(uri -> command.addAll(List.of("--callback-url", uri.toString())));
        GenericContainer<?> container = new GenericContainer<>(LocalImage.SIMULATOR.require())
                .withNetworkMode("host")
                .withCopyFileToContainer(MountableFile.forHostPath(appsJson), FIXTURES_IN_IMAGE + "/apps.json")
                .withCommand(command.toArray(String[]::new))
                // SimulatorMain prints this line once it accepts connections.
                .waitingFor(Wait.forLogMessage(".*TRTC simulator ready.*\\n?", 1).withStartupTimeout(readyTimeout));
        StartedContainer started = StartedContainer.start("simulator", container);
        return new SimulatorContainerStack(URI.create("ws://127.0.0.1:" + port + "/signal"), connectTimeout, started);
    }

    @Override
    public String name() {
        return "simulator-container";
    }

    /** The container's log lines about the room (the simulator logs them as "room <id>: ..."); its last lines when none. */
    @Override
    public List<String> logLines(RoomId roomId) {
        List<String> all = container.logLines();
        String room = "room " + roomId + ":";
        List<String> aboutRoom = all.stream().filter(line -> line.contains(room)).toList();
        List<String> chosen = aboutRoom.isEmpty() ? all : aboutRoom;
        return chosen.subList(Math.max(0, chosen.size() - LOG_LINES), chosen.size());
    }

    @Override
    public void close() {
        try {
            container.close();
        } finally {
            super.close();
        }
    }
}
