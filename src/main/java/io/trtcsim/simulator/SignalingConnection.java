package io.trtcsim.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsContext;
import io.trtcsim.trtc.ErrorCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket on the simulator: parses each message, hands it to the client's
 * {@link ClientSession}, and answers with a response or an error carrying TRTC's code. Bad input
 * gets an error reply; it never reaches past this connection.
 */
final class SignalingConnection {

    private static final Logger log = LoggerFactory.getLogger(SignalingConnection.class);

    private final SimulatorContext simulator;
    private final Outbox outbox;
    private final String connectionId;
    /** Replaced when a reconnection on another connection takes this one's membership over. */
    private volatile ClientSession session;
    /**
     * Joins made on this connection, the application it counts against (0: none yet), and whether it
     * no longer counts against it (closed); guarded by this.
     */
    private int joins;
    private long application;
    private boolean detached;
    /**
     * Orders a message being handled and the connection's close: the close waits for it, and no
     * message is handled once closed (Jetty may still deliver one it had read when a write on another
     * thread found the socket reset: a join then would leave a member in the room for good).
     */
    private final Object lifecycle = new Object();
    /** Guarded by lifecycle. */
    private boolean closed;

    SignalingConnection(SimulatorContext simulator, WsContext context) {
        this.simulator = simulator;
        this.connectionId = context.sessionId();
        this.outbox = new Outbox(context, simulator.sending(), connectionId.substring(0, Math.min(8, connectionId.length())),
                simulator.limits());
        this.session = new ClientSession(simulator, this);
    }

    /**
     * A join of {@code sdkAppId}'s room on this connection, before it enters the room: counted against
     * the connection's joins, the application's connections (from its first join on this connection
     * until the connection closes) and the application's joins per second. Throws the refusal of the
     * first limit reached.
     */
    synchronized void admitJoin(long sdkAppId) {
        LimitGuard limits = simulator.limits();
        int maxJoins = limits.limits().joinsPerConnection();
        if (joins >= maxJoins) {
            throw limits.refuse(LimitGuard.Limit.JOINS_PER_CONNECTION, maxJoins,
                    "this connection has joined " + joins + " times; open a new connection");
        }
        if (application != sdkAppId && !detached) {
            limits.attachConnection(sdkAppId);
            if (application != 0) {
                limits.detachConnection(application);
            }
            application = sdkAppId;
        }
        limits.takeJoin(sdkAppId);
        joins++;
    }

    /** The connection no longer counts against its application; once only. */
    private synchronized void detach() {
        if (!detached && application != 0) {
            simulator.limits().detachConnection(application);
        }
        detached = true;
    }

    ClientSession session() {
        return session;
    }

    void onMessage(String text) {
        synchronized (lifecycle) {
            if (closed) {
                log.debug("connection {} closed; a message read before is dropped", connectionId);
                return;
            }
            handle(text);
        }
    }

    private void handle(String text) {
        long requestId = -1;
        try {
            JsonNode request = simulator.json().readTree(text);
            if (request == null || !request.isObject()) {
                throw SignalingException.invalidParameter("a message must be a JSON object");
            }
            requestId = request.path("id").asLong(-1);
            String type = request.path("type").asText("");
            final long id = requestId;
            ClientSession session = this.session;
            CompletableFuture<ObjectNode> reply = switch (type) {
                case "join" -> {
                    session.join(id, request);
                    yield CompletableFuture.<ObjectNode>completedFuture(null);
                }
                case "publish" -> session.publish(id, request);
                case "unpublish" -> CompletableFuture.completedFuture(session.unpublish(id));
                case "republish" -> session.republish(id, request);
                case "subscribe" -> session.subscribe(id, request);
                case "subscribe-answer" -> session.completeSubscription(id, request);
                case "unsubscribe" -> CompletableFuture.completedFuture(session.unsubscribe(id, request));
                case "switch-role" -> CompletableFuture.completedFuture(session.switchRole(id, request));
                case "mute" -> CompletableFuture.completedFuture(session.mute(id, request));
                case "leave" -> CompletableFuture.completedFuture(session.leave(id));
                case "heartbeat" -> CompletableFuture.completedFuture(simulator.messages().ok(id));
                default -> throw SignalingException.invalidParameter("unknown message type '" + type + "'");
            };
            if (reply.isDone()) {
                // Answered at once, on Jetty's reading thread, which holds no lock of ours here.
                replyNow(reply.handle((response, failure) -> failure == null ? response : errorFor(id, failure)).join());
            } else {
                reply.whenComplete((response, failure) -> send(failure == null ? response : errorFor(id, failure)));
            }
        } catch (JsonProcessingException e) {
            replyNow(simulator.messages().error(requestId, ErrorCode.INVALID_PARAMETER,
                    "message is not valid JSON: " + e.getOriginalMessage()));
        } catch (RuntimeException e) {
            replyNow(errorFor(requestId, e));
        }
    }

    void onClose(String reason) {
        synchronized (lifecycle) {
            closed = true;
        }
        log.info("connection {} of {} closed: {}", connectionId, session.describe(), reason);
        session.connectionClosed(this);
        outbox.close();
        detach();
    }

    /**
     * A reconnection on {@code successor} resumed the membership this connection carried: the
     * successor takes its client session, this connection keeps an empty one and closes without a
     * word to the room (no peer-leave, no stream-removed, no exit callback).
     */
    void handOver(SignalingConnection successor) {
        ClientSession resumed = session;
        session = new ClientSession(simulator, this);
        successor.session = resumed;
        log.info("connection {} handed {} over to {}", connectionId, resumed.describe(), successor.connectionId);
        outbox.closeSocket("resumed on another connection");
    }

    private ObjectNode errorFor(long id, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof SignalingException refused) {
            return refused.extraCode().isPresent()
                    ? simulator.messages().error(id, refused.code(), refused.extraCode().getAsInt(), refused.getMessage())
                    : simulator.messages().error(id, refused.code(), refused.getMessage());
        }
        if (cause instanceof TimeoutException) {
            return simulator.messages().error(id, ErrorCode.SERVER_TIMEOUT, "media negotiation timed out");
        }
        log.warn("request {} of {} failed", id, session.describe(), cause);
        return simulator.messages().error(id, ErrorCode.UNKNOWN, String.valueOf(cause));
    }

    void send(ObjectNode message) {
        if (message != null) {
            outbox.send(simulator.messages().write(message));
        }
    }

    /** The answer to the message being read, from Jetty's reading thread (see {@link Outbox#sendFromReader}). */
    private void replyNow(ObjectNode message) {
        if (message != null) {
            outbox.sendFromReader(simulator.messages().write(message));
        }
    }

    /** A message already written as JSON: one event to many members is written once. */
    void sendWritten(String json) {
        outbox.send(json);
    }
}
