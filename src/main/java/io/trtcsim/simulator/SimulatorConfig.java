package io.trtcsim.simulator;

import io.trtcsim.simulator.callback.CallbackPolicy;
import io.trtcsim.usersig.AppKeyStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a simulator: where it listens, which applications' keys it trusts, its clock (for
 * UserSig expiry), how long a peer connection may take to come up, how long a silent signaling
 * connection is kept, where the app server's callbacks go, and the limits that protect it when shared.
 */
public record SimulatorConfig(String host, int port, AppKeyStore appKeys, Clock clock, Duration mediaTimeout,
                              Duration idleTimeout, Optional<URI> callbackUrl, CallbackPolicy callbackPolicy,
                              SimulatorLimits limits) {

    /** TRTC's signaling messages are small; SDPs are a few kilobytes. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(appKeys, "appKeys");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(mediaTimeout, "mediaTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(callbackPolicy, "callbackPolicy");
        Objects.requireNonNull(limits, "limits");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
    }

    /** Loopback, an ephemeral port, the system clock, 10 s media timeout, 6 s idle timeout, no callbacks, the default limits. */
    public static SimulatorConfig onLoopback(AppKeyStore appKeys) {
        return new SimulatorConfig("127.0.0.1", 0, appKeys, Clock.systemUTC(), Duration.ofSeconds(10),
                Duration.ofSeconds(6), Optional.empty(), CallbackPolicy.documented(),
                SimulatorLimits.defaults());
    }

    public SimulatorConfig withPort(int newPort) {
        return new SimulatorConfig(host, newPort, appKeys, clock, mediaTimeout, idleTimeout, callbackUrl, callbackPolicy, limits);
    }

    public SimulatorConfig withHost(String newHost) {
        return new SimulatorConfig(newHost, port, appKeys, clock, mediaTimeout, idleTimeout, callbackUrl, callbackPolicy, limits);
    }

    /** The server's heartbeat timeout: a connection silent this long is taken as a client gone. */
    public SimulatorConfig withIdleTimeout(Duration timeout) {
        return new SimulatorConfig(host, port, appKeys, clock, mediaTimeout, timeout, callbackUrl, callbackPolicy, limits);
    }

    public SimulatorConfig withMediaTimeout(Duration timeout) {
        return new SimulatorConfig(host, port, appKeys, clock, timeout, idleTimeout, callbackUrl, callbackPolicy, limits);
    }

    public SimulatorConfig withCallbacksTo(URI url) {
        return new SimulatorConfig(host, port, appKeys, clock, mediaTimeout, idleTimeout, Optional.of(url), callbackPolicy, limits);
    }

    public SimulatorConfig withCallbackPolicy(CallbackPolicy policy) {
        return new SimulatorConfig(host, port, appKeys, clock, mediaTimeout, idleTimeout, callbackUrl, policy, limits);
    }

    /** The limits that protect a shared simulator (docs/simulator-protocol.md, "Limits"). */
    public SimulatorConfig withLimits(SimulatorLimits newLimits) {
        return new SimulatorConfig(host, port, appKeys, clock, mediaTimeout, idleTimeout, callbackUrl, callbackPolicy, newLimits);
    }
}
