package io.trtcsim.stack;

import io.trtcsim.simulator.SimulatorConfig;
import io.trtcsim.simulator.SimulatorServer;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The default stack: a reference simulator started in this JVM on an ephemeral loopback port. */
public final class EmbeddedSimulatorStack extends SimulatorStack {

    private final SimulatorServer server;

    private EmbeddedSimulatorStack(SimulatorServer server, Duration connectTimeout) {
        super(server.signalingUri(), connectTimeout);
        this.server = server;
    }

    public static EmbeddedSimulatorStack start(SimulatorConfig config, Duration connectTimeout) {
        return new EmbeddedSimulatorStack(SimulatorServer.start(config), connectTimeout);
    }

    public SimulatorServer server() {
        return server;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Optional<String> describeRooms() {
        return Optional.of(server.describeRooms());
    }

    @Override
    public List<String> logLines(RoomId roomId) {
        return server.logLines(roomId);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            super.close();
        }
    }
}
