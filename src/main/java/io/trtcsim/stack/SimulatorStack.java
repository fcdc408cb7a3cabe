package io.trtcsim.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.sdk.signaling.RoomEventListener;
import io.trtcsim.sdk.signaling.SignalingChannel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A simulator reached at a WebSocket URL: one started elsewhere, or the embedded one's. */
public class SimulatorStack implements Stack {

    private final URI signalingUri;
    private final Duration connectTimeout;
    private final ObjectMapper json = new ObjectMapper();
    /** Made with the first channel, closed with the stack; guarded by this object's monitor. */
    private SimulatorConnector connector;
    private boolean closed;

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

    /** A channel that connects on its first request; all channels of this stack share one WebSocket client. */
    @Override
    public SignalingChannel open(RoomEventListener listener) {
        return new SimulatorChannel(signalingUri, json, listener, connectTimeout, connector());
    }

    private synchronized SimulatorConnector connector() {
        if (closed) {
            throw new IllegalStateException("stack " + name() + " is closed: no signaling channel can be opened to it any more");
        }
        if (connector == null) {
            connector = new SimulatorConnector();
        }
        return connector;
    }

    /** The simulator's HTTP server API lives on the same host and port as its signaling. */
    @Override
    public Optional<ServerApi> serverApi() {
        return Optional.of(new SimulatorServerApi(httpBase(), connectTimeout));
    }

    /** The simulator's SFU shapes each participant's packets (admin API on the same host and port). */
    @Override
    public Optional<NetworkEmulation> networkEmulation() {
        return Optional.of(new SimulatorNetworkEmulation(httpBase(), connectTimeout));
    }

    private URI httpBase() {
        String scheme = signalingUri.getScheme().equals("wss") ? "https" : "http";
        return URI.create(scheme + "://" + signalingUri.getAuthority() + "/");
    }

    /** The simulator's rooms and media links as text (GET /rooms); empty when it does not answer. */
    @Override
    public Optional<String> describeRooms() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        try {
            HttpResponse<String> response = client.send(HttpRequest
                    .newBuilder(httpBase().resolve("/rooms"))
                    .timeout(connectTimeout).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Ends the threads its channels shared; subclasses stop what they started, then call this. */
    @Override
    public void close() {
        SimulatorConnector made;
        synchronized (this) {
            closed = true;
            made = connector;
            connector = null;
        }
        if (made != null) {
            made.close();
        }
    }
}
