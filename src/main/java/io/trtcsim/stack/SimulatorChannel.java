package io.trtcsim.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trtcsim.concurrent.SerialExecutor;
import io.trtcsim.sdk.signaling.JoinRequest;
import io.trtcsim.sdk.signaling.Publication;
import io.trtcsim.sdk.signaling.PublishAnswer;
import io.trtcsim.sdk.signaling.Readmission;
import io.trtcsim.sdk.signaling.RoomEvent;
import io.trtcsim.sdk.signaling.RoomEventListener;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.RemoteVideoStreamType;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RtcError;
import io.trtcsim.trtc.StreamType;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's WebSocket to a simulator (embedded or remote), speaking the JSON protocol of
 * docs/simulator-protocol.md. Replies are matched to requests by id; events go to the listener one
 * at a time, in the order the simulator sent them, from the channel's own inbox (a queue on the
 * pool the stack's channels share, see {@link SimulatorConnector}). It sends no WebSocket pings of its own: the
 * SDK's heartbeats keep the connection alive, and a client that stops sending them (its network
 * down) is what the simulator's idle timeout is there to notice.
 */
final class SimulatorChannel implements SignalingChannel {

    private static final Logger log = LoggerFactory.getLogger(SimulatorChannel.class);

    private final URI uri;
    private final ObjectMapper json;
    private final RoomEventListener listener;
    private final Duration connectTimeout;
    private final SerialExecutor inbox;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    private final SimulatorConnector connector;
    private volatile CompletableFuture<SignalingSocket> socket;
    private volatile boolean closedByUs;

    SimulatorChannel(URI uri, ObjectMapper json, RoomEventListener listener, Duration connectTimeout,
                     SimulatorConnector connector) {
        this.uri = uri;
        this.json = json;
        this.listener = listener;
        this.connectTimeout = connectTimeout;
        this.inbox = new SerialExecutor("signaling inbox of a channel to " + uri, connector.inboxes());
        this.connector = connector;
    }

    private synchronized CompletableFuture<SignalingSocket> socket() {
        if (socket == null) {
            socket = SignalingSocket.open(connector.io(), uri, connectTimeout, connector::tls, new Receiver())
                    .exceptionally(failure -> {
                        throw new RtcError(ErrorCode.SIGNAL_CAHNNEL_SETUP_FAILED,
                                "cannot open signaling WebSocket " + uri + ": " + rootMessage(failure), failure);
                    });
        }
        return socket;
    }

    @Override
    public CompletableFuture<Void> join(JoinRequest request) {
        return call(joinMessage(request)).thenApply(reply -> null);
    }

    /** A join marked as a reconnection: the simulator resumes the old membership if it still holds it. */
    @Override
    public CompletableFuture<Readmission> rejoin(JoinRequest request) {
        return call(joinMessage(request).put("reconnect", true)).thenApply(reply ->
                reply.path("resumed").asBoolean(false) ? Readmission.RESUMED : Readmission.ADMITTED_AFRESH);
    }

    private ObjectNode joinMessage(JoinRequest request) {
        return json.createObjectNode().put("type", "join")
                .put("sdkAppId", request.sdkAppId()).put("userId", request.userId())
                .put("userSig", request.userSig()).putPOJO("roomId", request.roomId().wireValue())
                .put("useStringRoomId", request.useStringRoomId())
                .put("mode", request.mode().wireName()).put("role", request.role().wireName())
                .put("privateMapKey", request.privateMapKey());
    }

    @Override
    public CompletableFuture<Void> heartbeat() {
        return call(json.createObjectNode().put("type", "heartbeat")).thenApply(reply -> null);
    }

    @Override
    public CompletableFuture<PublishAnswer> publish(String offerSdp, Set<MediaKind> tracks) {
        return publish(offerSdp, new Publication(tracks, StreamType.MAIN, false));
    }

    @Override
    public CompletableFuture<PublishAnswer> publish(String offerSdp, Publication publication) {
        ObjectNode message = offerMessage("publish", offerSdp, publication.tracks())
                .put("streamType", publication.streamType().wireName()).put("smallStream", publication.smallStream());
        return call(message).thenApply(SimulatorChannel::publishAnswer);
    }

    @Override
    public CompletableFuture<PublishAnswer> republish(String offerSdp, Set<MediaKind> tracks) {
        return offer("republish", offerSdp, tracks);
    }

    /** publish and republish: an uplink offer for a stream of these tracks, answered with the stream's id. */
    private CompletableFuture<PublishAnswer> offer(String type, String offerSdp, Set<MediaKind> tracks) {
        return call(offerMessage(type, offerSdp, tracks)).thenApply(SimulatorChannel::publishAnswer);
    }

    private ObjectNode offerMessage(String type, String offerSdp, Set<MediaKind> tracks) {
        return json.createObjectNode().put("type", type).put("sdp", offerSdp)
                .put("audio", tracks.contains(MediaKind.AUDIO)).put("video", tracks.contains(MediaKind.VIDEO));
    }

    private static PublishAnswer publishAnswer(JsonNode reply) {
        return new PublishAnswer(reply.path("streamId").asText(), reply.path("sdp").asText());
    }

    @Override
    public CompletableFuture<Void> unpublish(String streamId) {
        return call(json.createObjectNode().put("type", "unpublish").put("streamId", streamId)).thenApply(r -> null);
    }

    @Override
    public CompletableFuture<String> subscribe(String streamId) {
        return subscribe(streamId, RemoteVideoStreamType.BIG);
    }

    @Override
    public CompletableFuture<String> subscribe(String streamId, RemoteVideoStreamType layer) {
        return call(json.createObjectNode().put("type", "subscribe").put("streamId", streamId)
                .put("videoStreamType", layer.wireName()))
                .thenApply(reply -> reply.path("sdp").asText());
    }

    @Override
    public CompletableFuture<Void> completeSubscription(String streamId, String answerSdp) {
        return call(json.createObjectNode().put("type", "subscribe-answer").put("streamId", streamId)
                .put("sdp", answerSdp)).thenApply(r -> null);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String streamId) {
        return call(json.createObjectNode().put("type", "unsubscribe").put("streamId", streamId)).thenApply(r -> null);
    }

    @Override
    public CompletableFuture<Void> switchRole(Role role) {
        return call(json.createObjectNode().put("type", "switch-role").put("role", role.wireName())).thenApply(r -> null);
    }

    @Override
    public CompletableFuture<Void> mute(MediaKind kind, boolean muted) {
        return call(json.createObjectNode().put("type", "mute").put("kind", kind.wireName()).put("muted", muted)).thenApply(r -> null);
    }

    @Override
    public CompletableFuture<Void> leave() {
        return call(json.createObjectNode().put("type", "leave")).thenApply(r -> null);
    }

    private CompletableFuture<JsonNode> call(ObjectNode message) {
        long id = nextId.getAndIncrement();
        message.put("id", id);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket().thenCompose(ws -> ws.send(message.toString()))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        pending.remove(id);
                        reply.completeExceptionally(failure instanceof RtcError ? failure
                                : unwrapRtcError(failure, "cannot send " + message.path("type").asText()));
                    }
                });
        return reply;
    }

    private static Throwable unwrapRtcError(Throwable failure, String what) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof RtcError)) {
            cause = cause.getCause();
        }
        return cause instanceof RtcError ? cause
                : new RtcError(ErrorCode.SIGNAL_CHANNEL_ERROR, what + ": " + rootMessage(failure), failure);
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private void onText(String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (Exception e) {
            log.warn("ignoring a signaling message that is not JSON: {}", text);
            return;
        }
        switch (message.path("type").asText()) {
            case "response" -> resolve(message);
            case "event" -> roomEvent(message, text);
            default -> log.warn("ignoring a signaling message of unknown type: {}", text);
        }
    }

    /** An event of a name TRTC does not document is logged and dropped: the SDK could not deliver it. */
    private void roomEvent(JsonNode message, String text) {
        ClientEvent type;
        try {
            type = ClientEvent.named(message.path("name").asText());
        } catch (RtcError e) {
            log.warn("ignoring an event TRTC does not document: {}", text);
            return;
        }
        listener.onEvent(new RoomEvent(type, message.path("userId").asText(null), message.path("streamId").asText(null),
                kinds(message, "audio", "video"), kinds(message, "audioMuted", "videoMuted"),
                message.path("reason").asText(null), message.path("message").asText(null), streamType(message),
                message.path("hasSmall").asBoolean(false)));
    }

    /** A stream event's "streamType"; an event without one (or of a type this SDK does not know) is of the main stream. */
    private static StreamType streamType(JsonNode message) {
        return message.path("streamType").asText("").equals(StreamType.AUXILIARY.wireName()) ? StreamType.AUXILIARY
                : StreamType.MAIN;
    }

    /** The kinds whose flag is true in the message, e.g. "audio"/"video" or "audioMuted"/"videoMuted". */
    private static Set<MediaKind> kinds(JsonNode message, String audioFlag, String videoFlag) {
        return MediaKind.of(message.path(audioFlag).asBoolean(false), message.path(videoFlag).asBoolean(false));
    }

    private void resolve(JsonNode response) {
        CompletableFuture<JsonNode> reply = pending.remove(response.path("id").asLong());
        if (reply == null) {
            if (closedByUs) {
                // An answer (a heartbeat's) that crossed the client's close: nobody waits for it.
                log.debug("response after the channel was closed: {}", response);
            } else {
                log.warn("response to no pending request: {}", response);
            }
            return;
        }
        if (response.path("ok").asBoolean(false)) {
            reply.complete(response);
        } else {
            ErrorCode code = ErrorCode.ofCode(response.path("code").asInt()).orElse(ErrorCode.UNKNOWN);
            JsonNode extra = response.path("extraCode");
            OptionalInt extraCode = extra.isInt() ? OptionalInt.of(extra.asInt()) : OptionalInt.empty();
            reply.completeExceptionally(new RtcError(code, extraCode, response.path("message").asText("no reason given")));
        }
    }

    private void failPending(String reason) {
        RtcError error = new RtcError(ErrorCode.SIGNAL_CHANNEL_ERROR, reason);
        pending.values().forEach(reply -> reply.completeExceptionally(error));
        pending.clear();
    }

    @Override
    public void close() {
        closedByUs = true;
        CompletableFuture<SignalingSocket> current;
        synchronized (this) {
            current = socket;
        }
        if (current != null) {
            current.thenAccept(SignalingSocket::abort).exceptionally(failure -> null);
        }
        failPending("signaling closed by the client");
        inbox.shutdown();
    }

    /** Hands what arrived to the inbox: the event loop returns at once, and the order is kept. */
    private void receive(Runnable handling) {
        try {
            inbox.execute(handling);
        } catch (RejectedExecutionException closed) {
            // Closed by the client (or the stack closed): nobody listens any more.
        }
    }

    private final class Receiver implements SignalingSocket.Listener {

        @Override
        public void onText(String text) {
            receive(() -> SimulatorChannel.this.onText(text));
        }

        @Override
        public void onClosed(int statusCode, String reason) {
            disconnected("closed by the stack (" + statusCode + " " + reason + ")");
        }

        @Override
        public void onFailed(Throwable error) {
            disconnected("signaling failed: " + rootMessage(error));
        }

        /** After the messages that arrived before the end, as they are in the inbox. */
        private void disconnected(String reason) {
            receive(() -> {
                failPending(reason);
                if (!closedByUs) {
                    listener.onDisconnected(reason);
                }
            });
        }
    }
}
