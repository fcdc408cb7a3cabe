package io.trtcsim.simulator;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A bare WebSocket client for protocol tests: sends raw text, keeps every message it receives. */
final class RawSignalingClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private volatile int closeStatus = -1;
    private final WebSocket socket;

    RawSignalingClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                received.add(JSON.readTree(partial.toString()));
                            } catch (Exception e) {
                                throw new IllegalStateException("simulator sent non-JSON: " + partial, e);
                            }
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closeStatus = statusCode;
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closeStatus = closeStatus < 0 ? 0 : closeStatus;
                    }
                }).join();
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Waits for the response to request {@code id}. */
    JsonNode response(long id) {
        return awaitMessage("response to request " + id,
                m -> "response".equals(m.path("type").asText()) && m.path("id").asLong() == id);
    }

    JsonNode event(String name, String userId) {
        return awaitMessage("event " + name + " about " + userId,
                m -> "event".equals(m.path("type").asText()) && name.equals(m.path("name").asText())
                        && userId.equals(m.path("userId").asText()));
    }

    JsonNode awaitMessage(String what, Predicate<JsonNode> matches) {
        await(what).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> received.stream().anyMatch(matches));
        return received.stream().filter(matches).findFirst().orElseThrow();
    }

    boolean isClosed() {
        return closeStatus >= 0;
    }

    int closeStatus() {
        return closeStatus;
    }

    List<JsonNode> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
