package io.trtcsim.stack.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trtcsim.stack.WholeTextListener;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RtcError;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Janus API over one WebSocket (subprotocol {@code janus-protocol}): requests carry a
 * transaction, and the reply with that transaction completes them — {@code success} or {@code event}
 * (after an {@code ack} for asynchronous plugin requests), {@code error} fails them. Everything else
 * Janus pushes goes to the {@link Listener}. All received messages are handled on one thread, in the
 * order Janus sent them, and so are the reply handlers given to {@link #request}.
 */
final class JanusConnection implements AutoCloseable {

    /** What Janus pushes without a pending transaction, and the end of the connection. */
    interface Listener {
        void onPush(JsonNode message);

        void onClosed(String reason);
    }

    static final String SUBPROTOCOL = "janus-protocol";
    /** Janus drops a session after 60 s without a request; the documented client sends one every 25 s. */
    static final Duration KEEPALIVE_PERIOD = Duration.ofSeconds(25);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Requests that Janus answers with a mere {@code ack}. */
    private static final Set<String> ACKED_REQUESTS = Set.of("keepalive", "trickle");

    private static final Logger log = LoggerFactory.getLogger(JanusConnection.class);

    private final URI uri;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration connectTimeout;
    private final Listener listener;
    private final String name;
    private final ExecutorService inbox;
    private final ScheduledExecutorService keepalive;
    private final Map<String, Pending<?>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextTransaction = new AtomicLong(1);
    private final AtomicBoolean closedNotified = new AtomicBoolean();
    private CompletableFuture<WebSocket> socket;
    private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);
    private volatile boolean closedByUs;

    JanusConnection(URI uri, HttpClient http, ObjectMapper json, Duration connectTimeout, Listener listener, String name) {
        this.uri = uri;
        this.http = http;
        this.json = json;
        this.connectTimeout = connectTimeout;
        this.listener = listener;
        this.name = name;
        this.inbox = Executors.newSingleThreadExecutor(daemon("janus-inbox-" + name));
        this.keepalive = Executors.newSingleThreadScheduledExecutor(daemon("janus-keepalive-" + name));
    }

    private static ThreadFactory daemon(String threadName) {
        return runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        };
    }

    ObjectMapper json() {
        return json;
    }

    /** Opens the WebSocket once; fails with SIGNAL_CAHNNEL_SETUP_FAILED naming the URI. */
    synchronized CompletableFuture<WebSocket> connect() {
        if (socket == null) {
            socket = http.newWebSocketBuilder()
                    .connectTimeout(connectTimeout)
                    .subprotocols(SUBPROTOCOL)
                    .buildAsync(uri, new Receiver())
                    .exceptionally(failure -> {
                        throw new RtcError(ErrorCode.SIGNAL_CAHNNEL_SETUP_FAILED, "cannot open the Janus WebSocket "
                                + uri + ": " + JanusErrors.describe(failure), failure);
                    });
        }
        return socket;
    }

    /**
     * Sends a request with a new transaction; completes with {@code onReply} applied to Janus's reply,
     * on the connection's thread, before any later message is handled. Fails with {@link JanusException}
     * when Janus or the plugin refuses it, and with SERVER_TIMEOUT when no reply comes in time.
     */
    <T> CompletableFuture<T> request(ObjectNode message, Function<JsonNode, T> onReply) {
        String transaction = name + "-" + nextTransaction.getAndIncrement();
        message.put("transaction", transaction);
        String what = describeRequest(message);
        CompletableFuture<T> reply = new CompletableFuture<>();
        pending.put(transaction, new Pending<>(reply, onReply, ACKED_REQUESTS.contains(message.path("janus").asText())));
        connect().thenCompose(ws -> sendInTurn(ws, message.toString()))
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        pending.remove(transaction);
                        Throwable cause = JanusErrors.unwrap(failure);
                        reply.completeExceptionally(cause instanceof RtcError ? cause : new RtcError(
                                ErrorCode.SIGNAL_CHANNEL_ERROR, "cannot send " + what + " to Janus: "
                                + JanusErrors.describe(failure), failure));
                    }
                });
        return reply.orTimeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> {
                    Throwable cause = JanusErrors.unwrap(failure);
                    if (cause instanceof TimeoutException) {
                        pending.remove(transaction);
                        throw new RtcError(ErrorCode.SERVER_TIMEOUT, "Janus did not answer " + what + " within "
                                + REQUEST_TIMEOUT.toMillis() + " ms");
                    }
                    throw failure instanceof CompletionException ce ? ce
                            : new CompletionException(failure);
                });
    }

    private static String describeRequest(ObjectNode message) {
        String type = message.path("janus").asText();
        String pluginRequest = message.path("body").path("request").asText("");
        return pluginRequest.isEmpty() ? "'" + type + "'" : "'" + pluginRequest + "'";
    }

    /** Keeps the Janus session alive for as long as this connection is open. */
    void startKeepalive(long sessionId) {
        keepalive.scheduleAtFixedRate(() -> {
            keepalive(sessionId).whenComplete((ok, failure) -> {
                if (failure != null && !closedByUs) {
                    log.warn("{}: keep-alive of Janus session {} failed: {}", name, sessionId,
                            JanusErrors.describe(failure));
                }
            });
        }, KEEPALIVE_PERIOD.toMillis(), KEEPALIVE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One keep-alive of the Janus session: Janus acks it at once, so it doubles as the SDK's heartbeat. */
    CompletableFuture<Void> keepalive(long sessionId) {
        return request(json.createObjectNode().put("janus", "keepalive").put("session_id", sessionId), reply -> null);
    }

    /** The JDK's WebSocket refuses a text send while another is pending: sends go one after another. */
    private synchronized CompletableFuture<WebSocket> sendInTurn(WebSocket ws, String text) {
        CompletableFuture<WebSocket> next = lastSend.handle((ok, failure) -> null)
                .thenCompose(ignored -> ws.sendText(text, true));
        lastSend = next;
        return next;
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (Exception e) {
            log.warn("{}: ignoring a message from Janus that is not JSON: {}", name, text);
            return;
        }
        String type = message.path("janus").asText();
        String transaction = message.path("transaction").asText(null);
        Pending<?> waiting = transaction == null ? null : pending.get(transaction);
        if (waiting != null) {
            switch (type) {
                case "ack" -> {
                    // Asynchronous plugin requests are answered later by an event with this transaction.
                    if (waiting.completesOnAck()) {
                        pending.remove(transaction);
                        waiting.complete(message);
                    }
                }
                case "error" -> {
                    pending.remove(transaction);
                    waiting.fail(new JanusException(message.path("error").path("code").asInt(),
                            message.path("error").path("reason").asText("no reason given")));
                }
                // server_info: the answer to 'info', which a check that a URL is a Janus sends.
                case "success", "event", "server_info" -> {
                    pending.remove(transaction);
                    JsonNode data = message.path("plugindata").path("data");
                    if (data.has("error_code")) {
                        waiting.fail(new JanusException(data.path("error_code").asInt(),
                                data.path("error").asText("no reason given")));
                    } else {
                        waiting.complete(message);
                    }
                }
                default -> listener.onPush(message);
            }
            return;
        }
        if (!"ack".equals(type)) {
            listener.onPush(message);
        }
    }

    private void failPending(String reason) {
        RtcError error = new RtcError(ErrorCode.SIGNAL_CHANNEL_ERROR, reason);
        pending.values().forEach(waiting -> waiting.fail(error));
        pending.clear();
    }

    private void disconnected(String reason) {
        keepalive.shutdownNow();
        failPending(reason);
        if (!closedByUs && closedNotified.compareAndSet(false, true)) {
            listener.onClosed(reason);
        }
    }

    /** Drops the connection at once, as a crashed client would: Janus then ends the sessions it carried. */
    @Override
    public void close() {
        closedByUs = true;
        keepalive.shutdownNow();
        CompletableFuture<WebSocket> current;
        synchronized (this) {
            current = socket;
        }
        if (current != null) {
            current.thenAccept(WebSocket::abort).exceptionally(failure -> null);
        }
        failPending("the Janus connection was closed by the client");
        inbox.shutdown();
    }

    private void onInbox(Runnable task) {
        try {
            inbox.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("{}: dropped a message from Janus after close", name);
        }
    }

    private record Pending<T>(CompletableFuture<T> reply, Function<JsonNode, T> onReply, boolean completesOnAck) {

        void complete(JsonNode message) {
            try {
                reply.complete(onReply.apply(message));
            } catch (RuntimeException e) {
                reply.completeExceptionally(e);
            }
        }

        void fail(Throwable failure) {
            reply.completeExceptionally(failure);
        }
    }

    private final class Receiver extends WholeTextListener {

        @Override
        protected void onMessage(String text) {
            onInbox(() -> dispatch(text));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            onInbox(() -> disconnected("Janus closed the WebSocket (" + statusCode + " " + reason + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            onInbox(() -> disconnected("the Janus WebSocket failed: " + JanusErrors.describe(error)));
        }
    }
}
