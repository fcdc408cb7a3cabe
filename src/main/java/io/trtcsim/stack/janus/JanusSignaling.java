package io.trtcsim.stack.janus;

import io.trtcsim.stack.LoopbackPorts;

/**
 * Where a {@link JanusProcess} takes its API requests: its WebSocket and HTTP ports, and who can reach
 * them. A Janus the harness starts for itself listens on free loopback ports; one started for
 * shards to share ({@link SharedJanus}) on ports the user picks, reachable from other machines if asked.
 */
public record JanusSignaling(Reach reach, int webSocketPort, int httpPort) {

    /** Who can send Janus requests. Media is always on this machine's own IPv4 address. */
    public enum Reach {
        /** Loopback only: processes on this machine. */
        THIS_MACHINE("127.0.0.1"),
        /** Every interface: other machines too, at this machine's address. */
        NETWORK("");

        private final String listenAddress;

        Reach(String listenAddress) {
            this.listenAddress = listenAddress;
        }

        /** The transports' listen address; empty for every interface. */
        String listenAddress() {
            return listenAddress;
        }
    }

    public JanusSignaling {
        if (webSocketPort < 1 || webSocketPort > 65535 || httpPort < 1 || httpPort > 65535) {
            throw new IllegalArgumentException("Janus ports " + webSocketPort + " (WebSocket) and " + httpPort
                    + " (HTTP) must be within 1..65535");
        }
        if (webSocketPort == httpPort) {
            throw new IllegalArgumentException("Janus's WebSocket and HTTP transports cannot share port " + httpPort);
        }
    }

    /** Two different loopback ports free right now, for a Janus only this process uses. */
    static JanusSignaling onFreeLoopbackPorts() {
        int webSocket = LoopbackPorts.free();
        int http = LoopbackPorts.free();
        // The system may hand out the port it just took back.
        while (http == webSocket) {
            http = LoopbackPorts.free();
        }
        return new JanusSignaling(Reach.THIS_MACHINE, webSocket, http);
    }
}
