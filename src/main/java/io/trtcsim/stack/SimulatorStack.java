package io.trtcsim.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;

/** A simulator reached at a WebSocket URL: one started elsewhere, or the embedded one's. */
public class SimulatorStack implements Stack {

    private final URI signalingUri;
    private final Duration connectTimeout;
    private final ObjectMapper json = new ObjectMapper();

    public SimulatorStack(URI signalingUri, Duration connectTimeout) {
        String scheme = signalingUri.getScheme();
        if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
            throw new IllegalArgumentException("stack URL " + signalingUri + " is not a ws:// or wss:// URL");
        }
        this.signalingUri = signalingUri;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public String name() {
        return signalingUri.toString();
    }

    public URI signalingUri() {
        return signalingUri;
    }

    @Override
    public StackSession openSession(StackListener listener) {
        return new SimulatorSession(signalingUri, json, listener, connectTimeout);
    }

    /** The simulator's HTTP server API lives on the same host and port as its signaling. */
    @Override
    public java.util.Optional<ServerApi> serverApi() {
        String scheme = signalingUri.getScheme().equals("wss") ? "https" : "http";
        URI base = URI.create(scheme + "://" + signalingUri.getAuthority() + "/");
        return java.util.Optional.of(new SimulatorServerApi(base, connectTimeout));
    }

    @Override
    public void close() {
        // Nothing of ours runs there.
    }
}
