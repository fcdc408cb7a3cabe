package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsContext;
import io.trtcsim.sdk.ErrorCode;
import io.trtcsim.usersig.UserSigException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket on the simulator: reads requests, applies TRTC's rules, answers, and
 * carries the room's events to that client. Requests arrive in order on Jetty's thread; replies to
 * media steps complete later on libwebrtc's threads, so the state here is volatile or concurrent.
 */
final class SignalingConnection {

    private static final Logger log = LoggerFactory.getLogger(SignalingConnection.class);

    private final SimulatorContext simulator;
    private final Outbox outbox;
    private final String connectionId;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile Member member;
    private volatile Room room;
    private volatile RelayedStream published;

    SignalingConnection(SimulatorContext simulator, WsContext context) {
        this.simulator = simulator;
        this.connectionId = context.sessionId();
        this.outbox = new Outbox(context, connectionId.substring(0, Math.min(8, connectionId.length())));
    }

    void onMessage(String text) {
        long requestId = -1;
        try {
            JsonNode request = simulator.json().readTree(text);
            if (request == null || !request.isObject()) {
                throw SignalingException.invalidParameter("a message must be a JSON object");
            }
            requestId = request.path("id").asLong(-1);
            String type = request.path("type").asText("");
            final long id = requestId;
            CompletableFuture<ObjectNode> reply = switch (type) {
                case "join" -> {
                    join(id, request);
                    yield CompletableFuture.<ObjectNode>completedFuture(null);
                }
                case "publish" -> publish(id, request);
                case "unpublish" -> CompletableFuture.completedFuture(unpublish(id, request));
                case "subscribe" -> subscribe(id, request);
                case "subscribe-answer" -> completeSubscription(id, request);
                case "unsubscribe" -> CompletableFuture.completedFuture(unsubscribe(id, request));
                case "leave" -> CompletableFuture.completedFuture(leave(id));
                default -> throw SignalingException.invalidParameter("unknown message type '" + type + "'");
            };
            reply.whenComplete((response, failure) -> send(failure == null ? response : errorFor(id, failure)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            send(simulator.messages().error(requestId, ErrorCode.INVALID_PARAMETER,
                    "message is not valid JSON: " + e.getOriginalMessage()));
        } catch (RuntimeException e) {
            send(errorFor(requestId, e));
        }
    }

    void onClose(String reason) {
        log.info("connection {} of {} closed: {}", connectionId, describe(), reason);
        departRoom("disconnected");
        outbox.close();
    }

    /** Removes this client from its room because the app server or a newer login said so. */
    void ban(String reason) {
        Member current = member;
        if (current != null) {
            send(simulator.messages().banned(current.userId(), reason));
            departRoom(reason);
        }
    }

    /** Sends its own reply: the events that follow must reach the newcomer after it. */
    private void join(long id, JsonNode request) {
        if (member != null) {
            throw SignalingException.invalidOperation("already in a room (" + describe() + "); leave first");
        }
        long roomId = RoomIds.parse(request.get("roomId"));
        String userId = requiredText(request, "userId");
        long sdkAppId = request.path("sdkAppId").asLong(0);
        String mode = request.path("mode").asText("rtc");
        if (!mode.equals("rtc") && !mode.equals("live")) {
            throw SignalingException.invalidParameter("mode '" + mode + "' is neither 'rtc' nor 'live'");
        }
        String role = request.path("role").asText("anchor");
        try {
            simulator.verifier().verify(request.path("userSig").asText(""), sdkAppId, userId);
        } catch (UserSigException e) {
            throw new SignalingException(ErrorCode.JOIN_ROOM_FAILED, "userSig refused: " + e.getMessage());
        }
        Member joining = new Member(userId, mode, role, this);
        Arrival arrival = simulator.rooms().enter(roomId, entered -> {
            entered.member(userId).ifPresent(earlier ->
                    earlier.connection().ban("user " + userId + " joined room " + roomId + " again elsewhere"));
            entered.add(joining);
            synchronized (this) {
                this.room = entered;
                this.member = joining;
            }
            return new Arrival(entered.othersThan(userId), entered.streams());
        });
        List<Member> others = arrival.others();
        log.info("{} joined room {} ({} mode, {} others)", userId, roomId, mode, others.size());
        // Reply first, then tell the newcomer who is there, so its join resolves before the events.
        send(simulator.messages().ok(id).put("roomId", roomId));
        for (Member other : others) {
            send(simulator.messages().userEvent("peer-join", other.userId()));
        }
        for (RelayedStream stream : arrival.streams()) {
            send(simulator.messages().streamEvent("stream-added", stream));
        }
        for (Member other : others) {
            other.connection().send(simulator.messages().userEvent("peer-join", userId));
        }
    }

    private CompletableFuture<ObjectNode> publish(long id, JsonNode request) {
        Member self = requireJoined("publish");
        if (published != null) {
            throw SignalingException.invalidOperation(self.userId() + " already publishes " + published.streamId());
        }
        String offer = requiredText(request, "sdp");
        boolean audio = request.path("audio").asBoolean(true);
        boolean video = request.path("video").asBoolean(true);
        Room joined = room;
        RelayedStream stream = new RelayedStream(simulator.engine(), self.userId() + "_main", self.userId(), audio, video,
                simulator.mediaTimeout());
        published = stream;
        stream.uplinkConnected()
                .orTimeout(simulator.mediaTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        log.warn("uplink of {} did not connect: {}", stream.streamId(), failure.toString());
                        dropPublished(stream, joined);
                    } else {
                        announce(joined, stream);
                    }
                });
        return stream.acceptUplinkOffer(offer)
                .thenApply(answer -> simulator.messages().ok(id).put("streamId", stream.streamId()).put("sdp", answer));
    }

    private void announce(Room joined, RelayedStream stream) {
        if (published != stream || room != joined) {
            return;
        }
        joined.addStream(stream);
        log.info("stream {} published in room {}", stream.streamId(), joined.roomId());
        for (Member other : joined.othersThan(stream.userId())) {
            other.connection().send(simulator.messages().streamEvent("stream-added", stream));
        }
    }

    private ObjectNode unpublish(long id, JsonNode request) {
        requireJoined("unpublish");
        RelayedStream stream = published;
        if (stream == null) {
            throw SignalingException.invalidOperation("nothing is published");
        }
        dropPublished(stream, room);
        return simulator.messages().ok(id);
    }

    private void dropPublished(RelayedStream stream, Room joined) {
        if (published == stream) {
            published = null;
        }
        boolean wasAnnounced = joined != null && joined.removeStream(stream.streamId()).isPresent();
        if (wasAnnounced) {
            for (Member other : joined.othersThan(stream.userId())) {
                other.connection().streamGone(stream);
                other.connection().send(simulator.messages().streamEvent("stream-removed", stream));
            }
        }
        stream.close();
    }

    private void streamGone(RelayedStream stream) {
        subscriptions.remove(stream.streamId());
    }

    private CompletableFuture<ObjectNode> subscribe(long id, JsonNode request) {
        Member self = requireJoined("subscribe");
        RelayedStream stream = existingStream(requiredText(request, "streamId"));
        subscriptions.add(stream.streamId());
        return stream.openDownlink(self.userId())
                .thenApply(offer -> simulator.messages().ok(id).put("streamId", stream.streamId()).put("sdp", offer));
    }

    private CompletableFuture<ObjectNode> completeSubscription(long id, JsonNode request) {
        Member self = requireJoined("answer a subscription");
        RelayedStream stream = existingStream(requiredText(request, "streamId"));
        return stream.acceptDownlinkAnswer(self.userId(), requiredText(request, "sdp"))
                .thenApply(ignored -> simulator.messages().ok(id));
    }

    private ObjectNode unsubscribe(long id, JsonNode request) {
        Member self = requireJoined("unsubscribe");
        RelayedStream stream = existingStream(requiredText(request, "streamId"));
        if (!subscriptions.remove(stream.streamId())) {
            throw SignalingException.invalidOperation(self.userId() + " is not subscribed to " + stream.streamId());
        }
        stream.closeDownlink(self.userId());
        return simulator.messages().ok(id);
    }

    private ObjectNode leave(long id) {
        requireJoined("leave");
        departRoom("left");
        return simulator.messages().ok(id);
    }

    /**
     * Everything leaving implies: the own stream is withdrawn, downlinks closed, the others told.
     * Only the hand-over of the state is locked; a ban arrives from another connection's thread
     * while it holds the room directory, so nothing here may wait for this connection's monitor.
     */
    private void departRoom(String why) {
        Member self;
        Room joined;
        synchronized (this) {
            self = member;
            joined = room;
            member = null;
            room = null;
        }
        if (self == null || joined == null) {
            return;
        }
        RelayedStream own = published;
        if (own != null) {
            dropPublished(own, joined);
        }
        for (RelayedStream stream : joined.streams()) {
            stream.closeDownlink(self.userId());
        }
        subscriptions.clear();
        if (simulator.rooms().leave(joined, self)) {
            for (Member other : joined.members()) {
                other.connection().send(simulator.messages().userEvent("peer-leave", self.userId()));
            }
        }
        log.info("{} left room {} ({})", self.userId(), joined.roomId(), why);
    }

    private Member requireJoined(String action) {
        Member self = member;
        if (self == null) {
            throw SignalingException.invalidOperation("cannot " + action + " before joining a room");
        }
        return self;
    }

    private RelayedStream existingStream(String streamId) {
        Room joined = room;
        return joined.stream(streamId).orElseThrow(() -> new SignalingException(ErrorCode.REMOTE_STREAM_NOT_EXIST,
                "stream " + streamId + " is not published in room " + joined.roomId()));
    }

    private static String requiredText(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw SignalingException.invalidParameter("'" + field + "' is missing or not a non-empty string");
        }
        return value.asText();
    }

    private ObjectNode errorFor(long id, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof SignalingException refused) {
            return simulator.messages().error(id, refused.code(), refused.getMessage());
        }
        if (cause instanceof TimeoutException) {
            return simulator.messages().error(id, ErrorCode.SERVER_TIMEOUT, "media negotiation timed out");
        }
        log.warn("request {} of {} failed", id, describe(), cause);
        return simulator.messages().error(id, ErrorCode.UNKOWN, String.valueOf(cause));
    }

    void send(ObjectNode message) {
        if (message != null) {
            outbox.send(simulator.messages().write(message));
        }
    }

    private String describe() {
        Member self = member;
        Room joined = room;
        return self == null || joined == null ? "(not joined)" : self.userId() + " in room " + joined.roomId();
    }

    /** Who and what a newcomer finds, taken in the same instant it is added. */
    private record Arrival(List<Member> others, List<RelayedStream> streams) {
    }
}
