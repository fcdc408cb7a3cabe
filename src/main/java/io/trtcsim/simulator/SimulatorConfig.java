package io.trtcsim.simulator;

import io.trtcsim.usersig.AppKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a simulator: where it listens, which applications' keys it trusts, its clock (for
 * UserSig expiry) and how long a peer connection may take to come up.
 */
public record SimulatorConfig(String host, int port, AppKeyStore appKeys, Clock clock, Duration mediaTimeout) {

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(appKeys, "appKeys");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(mediaTimeout, "mediaTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
    }

    /** Loopback, an ephemeral port, the system clock and a 10 s media timeout. */
    public static SimulatorConfig onLoopback(AppKeyStore appKeys) {
        return new SimulatorConfig("127.0.0.1", 0, appKeys, Clock.systemUTC(), Duration.ofSeconds(10));
    }

    public SimulatorConfig withPort(int newPort) {
        return new SimulatorConfig(host, newPort, appKeys, clock, mediaTimeout);
    }

    public SimulatorConfig withHost(String newHost) {
        return new SimulatorConfig(newHost, port, appKeys, clock, mediaTimeout);
    }
}
