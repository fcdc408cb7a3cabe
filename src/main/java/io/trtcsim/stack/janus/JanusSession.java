package io.trtcsim.stack.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trtcsim.sdk.signaling.JoinRequest;
import io.trtcsim.sdk.signaling.PublishAnswer;
import io.trtcsim.sdk.signaling.RoomEvent;
import io.trtcsim.sdk.signaling.RoomEventListener;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.ExtraCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.trtc.RtcError;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TRTC client as a Janus VideoRoom user: a Janus session on its own WebSocket, a publisher
 * handle that joins the room (the VideoRoom room of the TRTC room id as {@link JanusIds} maps it,
 * the userId its display name) and carries the uplink, and one subscriber handle per subscribed stream. The mapping is
 * written down in docs/janus.md. Descriptions are exchanged whole, never trickled: the SDK's carry
 * every candidate ({@code trickle: false}), and Janus, in its default half-trickle mode, puts its
 * candidates into its own.
 */
final class JanusSession implements SignalingChannel {

    static final String PLUGIN = "janus.plugin.videoroom";
    /** Room settings for rooms created at run time: VP8, since every SDK here offers it. */
    static final int ROOM_PUBLISHERS = 16;
    /** A subscribe may beat the publisher's PeerConnection (error 428): it is tried again this often... */
    private static final Duration SUBSCRIBE_RETRY_DELAY = Duration.ofMillis(100);
    /** ...for at most this long. */
    private static final Duration SUBSCRIBE_RETRY_LIMIT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(JanusSession.class);

    private final JanusConnection connection;
    private final JanusIds ids;
    private final RoomEventListener listener;
    private final ExecutorService events;
    private final VideoRoomRoster roster = new VideoRoomRoster();
    /** Subscriber handle of each subscribed stream id. */
    private final Map<String, Long> subscriptions = new ConcurrentHashMap<>();
    private volatile long sessionId;
    private volatile long publisherHandle;
    private volatile RoomId roomId;
    private volatile JsonNode janusRoom;
    private volatile long privateId;
    private volatile String userId = "?";
    private volatile boolean joined;
    private volatile boolean left;
    private volatile boolean closed;

    JanusSession(URI uri, HttpClient http, ObjectMapper json, Duration connectTimeout, JanusIds ids,
                 RoomEventListener listener, String name) {
        this.ids = ids;
        this.listener = listener;
        this.connection = new JanusConnection(uri, http, json, connectTimeout, new Pushes(), name);
        this.events = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "janus-events-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Creates a Janus session, attaches the publisher handle, creates the room unless it exists and
     * joins it as a publisher. The UserSig is not checked: Janus has nothing like it. A room id TRTC's
     * server would refuse is refused here as TRTC does (JOIN_ROOM_FAILED, extra code -10012): Janus
     * itself takes any string.
     */
    @Override
    public CompletableFuture<Void> join(JoinRequest request) {
        if (sessionId != 0) {
            return failed(ErrorCode.INVALID_OPERATION, "this Janus session has already joined room " + roomId);
        }
        Optional<String> invalid = request.roomId().problem(request.useStringRoomId());
        if (invalid.isPresent()) {
            return CompletableFuture.failedFuture(new RtcError(ErrorCode.JOIN_ROOM_FAILED,
                    OptionalInt.of(ExtraCode.ROOM_ID_INVALID.code()), invalid.get()));
        }
        Optional<JsonNode> room = ids.room(request.roomId());
        if (room.isEmpty()) {
            return failed(ErrorCode.NOT_SUPPORTED, "room " + request.roomId() + ": " + JanusStack.NO_STRING_ROOM_IDS);
        }
        userId = request.userId();
        roomId = request.roomId();
        janusRoom = room.get();
        return connection.connect()
                .thenCompose(ws -> connection.request(core("create"), reply -> {
                    sessionId = reply.path("data").path("id").asLong();
                    connection.startKeepalive(sessionId);
                    return null;
                }))
                .thenCompose(ignored -> attach())
                .thenCompose(handle -> {
                    publisherHandle = handle;
                    return createRoom();
                })
                .thenCompose(ignored -> {
                    ObjectNode join = body("join").put("ptype", "publisher").put("display", userId);
                    join.set("room", janusRoom);
                    return message(publisherHandle, join, null, this::onJoined);
                })
                .exceptionally(failure -> {
                    throw JanusErrors.toRtcError(failure, ErrorCode.JOIN_ROOM_FAILED, userId + " joining room " + roomId);
                });
    }

    /**
     * A Janus keep-alive (acked at once) on the session; before the session exists there is nothing
     * to keep alive, and the WebSocket's own opening is what the join waits for. The periodic
     * keep-alive of {@link JanusConnection#startKeepalive} runs on regardless.
     */
    @Override
    public CompletableFuture<Void> heartbeat() {
        long session = sessionId;
        return session == 0 ? CompletableFuture.completedFuture(null) : connection.keepalive(session)
                .exceptionally(failure -> {
                    throw JanusErrors.toRtcError(failure, ErrorCode.SIGNAL_CHANNEL_ERROR, userId + " heartbeat");
                });
    }

    /** A room another client created first answers 427 "already exists": that is the room to join. */
    private CompletableFuture<Void> createRoom() {
        ObjectNode create = body("create").put("description", "TRTC room " + roomId)
                .put("publishers", ROOM_PUBLISHERS).put("videocodec", "vp8").put("audiocodec", "opus")
                .put("notify_joining", true).put("permanent", false);
        create.set("room", janusRoom);
        return message(publisherHandle, create, null, reply -> (Void) null)
                .exceptionallyCompose(failure -> JanusErrors.unwrap(failure) instanceof JanusException refused
                        && refused.code() == JanusException.ROOM_EXISTS
                        ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure));
    }

    /** Runs on the connection's thread, so the room's members are known before any later notification. */
    private Void onJoined(JsonNode reply) {
        JsonNode data = pluginData(reply);
        if (!"joined".equals(data.path("videoroom").asText())) {
            throw new IllegalStateException("Janus answered the join with " + data);
        }
        privateId = data.path("private_id").asLong();
        joined = true;
        emitAll(roster.onJoined(data));
        return null;
    }

    /** The offer's m-lines say what is sent; Janus takes no separate audio/video flags for it. */
    @Override
    public CompletableFuture<PublishAnswer> publish(String offerSdp, Set<MediaKind> tracks) {
        if (!joined || left) {
            return failed(ErrorCode.INVALID_OPERATION, userId + " is not in a Janus room");
        }
        return message(publisherHandle, body("publish"), jsep("offer", offerSdp), reply -> {
                    String answer = reply.path("jsep").path("sdp").asText("");
                    if (answer.isEmpty()) {
                        throw new IllegalStateException("Janus answered the publish without an SDP: " + reply);
                    }
                    return new PublishAnswer(roster.ownId(), answer);
                })
                .exceptionally(failure -> {
                    throw JanusErrors.toRtcError(failure, ErrorCode.SIGNAL_CHANNEL_ERROR, userId + " publishing");
                });
    }

    /** Janus knows one stream per publisher: the id the SDK passes is not needed. */
    @Override
    public CompletableFuture<Void> unpublish(String streamId) {
        if (!joined || left) {
            return failed(ErrorCode.INVALID_OPERATION, userId + " is not in a Janus room");
        }
        return message(publisherHandle, body("unpublish"), null, reply -> (Void) null)
                .exceptionally(failure -> {
                    throw JanusErrors.toRtcError(failure, ErrorCode.SIGNAL_CHANNEL_ERROR, userId + " unpublishing");
                });
    }

    /**
     * Attaches a subscriber handle and joins it to the stream's feed; completes with Janus's offer.
     * Janus answers 428 until the publisher's PeerConnection is up, so that answer is retried for a
     * while as long as the feed is announced; for a feed never announced it is REMOTE_STREAM_NOT_EXIST
     * at once, with Janus's text.
     */
    @Override
    public CompletableFuture<String> subscribe(String streamId) {
        Optional<JsonNode> feed = ids.participant(streamId);
        if (feed.isEmpty()) {
            return failed(ErrorCode.REMOTE_STREAM_NOT_EXIST, "'" + streamId + "' is not a Janus feed id");
        }
        if (!joined || left) {
            return failed(ErrorCode.INVALID_OPERATION, userId + " is not in a Janus room");
        }
        Long previous = subscriptions.remove(streamId);
        if (previous != null) {
            detach(previous);
        }
        long deadline = System.nanoTime() + SUBSCRIBE_RETRY_LIMIT.toNanos();
        return attach().thenCompose(handle -> {
                    subscriptions.put(streamId, handle);
                    return joinFeed(handle, streamId, feed.get(), deadline).whenComplete((offer, failure) -> {
                        if (failure != null && subscriptions.remove(streamId, handle)) {
                            detach(handle);
                        }
                    });
                })
                .exceptionally(failure -> {
                    throw JanusErrors.toRtcError(failure, ErrorCode.SIGNAL_CHANNEL_ERROR,
                            userId + " subscribing to feed " + streamId + " of " + roster.userOf(streamId).orElse("?"));
                });
    }

    private CompletableFuture<String> joinFeed(long handle, String streamId, JsonNode feed, long deadlineNanos) {
        ObjectNode join = body("join").put("ptype", "subscriber").put("private_id", privateId);
        join.set("room", janusRoom);
        join.putArray("streams").addObject().set("feed", feed);
        return message(handle, join, null, reply -> {
                    String offer = reply.path("jsep").path("sdp").asText("");
                    if (offer.isEmpty()) {
                        throw new IllegalStateException("Janus attached the subscriber without an offer: " + reply);
                    }
                    return offer;
                })
                .exceptionallyCompose(failure -> {
                    boolean feedNotUpYet = JanusErrors.unwrap(failure) instanceof JanusException refused
                            && refused.code() == JanusException.NO_SUCH_FEED;
                    if (feedNotUpYet && roster.isPublishing(streamId) && System.nanoTime() < deadlineNanos && !closed) {
                        log.debug("{}: feed {} is not up yet; subscribing again", userId, streamId);
                        return CompletableFuture.runAsync(() -> { },
                                        CompletableFuture.delayedExecutor(SUBSCRIBE_RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS))
                                .thenCompose(ignored -> joinFeed(handle, streamId, feed, deadlineNanos));
                    }
                    return CompletableFuture.failedFuture(failure);
                });
    }

    @Override
    public CompletableFuture<Void> completeSubscription(String streamId, String answerSdp) {
        Long handle = subscriptions.get(streamId);
        if (handle == null) {
            return failed(ErrorCode.REMOTE_STREAM_NOT_EXIST, userId + " has no subscription to " + streamId + " to start");
        }
        return message(handle, body("start"), jsep("answer", answerSdp), reply -> (Void) null)
                .exceptionally(failure -> {
                    throw JanusErrors.toRtcError(failure, ErrorCode.SIGNAL_CHANNEL_ERROR,
                            userId + " starting the subscription to " + streamId);
                });
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String streamId) {
        Long handle = subscriptions.remove(streamId);
        if (handle == null) {
            return CompletableFuture.completedFuture(null);
        }
        return detach(handle).exceptionally(failure -> {
            throw JanusErrors.toRtcError(failure, ErrorCode.SIGNAL_CHANNEL_ERROR, userId + " unsubscribing from " + streamId);
        });
    }

    /** TRTC unsubscribes by itself from a stream that went away; Janus keeps the handle until it is detached. */
    private void dropSubscription(String streamId) {
        Long handle = subscriptions.remove(streamId);
        if (handle != null) {
            detach(handle);
        }
    }

    @Override
    public CompletableFuture<Void> switchRole(Role role) {
        return failed(ErrorCode.NOT_SUPPORTED, "Janus VideoRoom has no roles: every participant may publish, "
                + "so switchRole('" + role + "') has nothing to map to");
    }

    /**
     * Not mapped: the VideoRoom tells nobody that a publisher paused a stream ({@code configure} with
     * {@code send: false} only stops the relay), so no other client could get mute-audio or mute-video.
     */
    @Override
    public CompletableFuture<Void> mute(MediaKind kind, boolean muted) {
        return failed(ErrorCode.NOT_SUPPORTED, "Janus VideoRoom has no mute signalling: other participants are not told"
                + " that " + userId + " " + (muted ? "muted" : "unmuted") + " " + kind);
    }

    /** Leaves the room, detaches every handle and destroys the Janus session; no event is delivered after it. */
    @Override
    public CompletableFuture<Void> leave() {
        if (sessionId == 0 || left) {
            return CompletableFuture.completedFuture(null);
        }
        left = true;
        CompletableFuture<Void> leaving = joined
                ? message(publisherHandle, body("leave"), null, reply -> (Void) null) : CompletableFuture.completedFuture(null);
        return leaving
                .thenCompose(ignored -> {
                    List<CompletableFuture<Void>> detached = new ArrayList<>();
                    subscriptions.values().forEach(handle -> detached.add(detach(handle)));
                    subscriptions.clear();
                    detached.add(detach(publisherHandle));
                    return CompletableFuture.allOf(detached.toArray(CompletableFuture[]::new));
                })
                .thenCompose(ignored -> connection.request(core("destroy"), reply -> (Void) null))
                .exceptionally(failure -> {
                    throw JanusErrors.toRtcError(failure, ErrorCode.SIGNAL_CHANNEL_ERROR, userId + " leaving room " + roomId);
                });
    }

    /** Drops the WebSocket without leaving: Janus ends the session and tells the room that this user left. */
    @Override
    public void close() {
        closed = true;
        connection.close();
        events.shutdown();
    }

    private CompletableFuture<Long> attach() {
        return connection.request(core("attach").put("plugin", PLUGIN), reply -> reply.path("data").path("id").asLong());
    }

    private CompletableFuture<Void> detach(long handle) {
        return connection.request(core("detach").put("handle_id", handle), reply -> (Void) null)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        log.debug("{}: detaching handle {} failed: {}", userId, handle, JanusErrors.describe(failure));
                    }
                });
    }

    private <T> CompletableFuture<T> message(long handle, ObjectNode body, ObjectNode jsep, Function<JsonNode, T> onReply) {
        ObjectNode message = core("message").put("handle_id", handle);
        message.set("body", body);
        if (jsep != null) {
            message.set("jsep", jsep);
        }
        return connection.request(message, onReply);
    }

    private ObjectNode core(String type) {
        ObjectNode message = connection.json().createObjectNode().put("janus", type);
        if (sessionId != 0) {
            message.put("session_id", sessionId);
        }
        return message;
    }

    private ObjectNode body(String request) {
        return connection.json().createObjectNode().put("request", request);
    }

    private ObjectNode jsep(String type, String sdp) {
        return connection.json().createObjectNode().put("type", type).put("sdp", sdp).put("trickle", false);
    }

    private static JsonNode pluginData(JsonNode message) {
        return message.path("plugindata").path("data");
    }

    private void emitAll(List<RoomEvent> roomEvents) {
        for (RoomEvent event : roomEvents) {
            onEventThread(() -> listener.onEvent(event));
        }
    }

    private void onEventThread(Runnable delivery) {
        if (closed) {
            return;
        }
        try {
            events.execute(delivery);
        } catch (RejectedExecutionException e) {
            log.debug("{}: event dropped after close", userId);
        }
    }

    private static <T> CompletableFuture<T> failed(ErrorCode code, String message) {
        return CompletableFuture.failedFuture(new RtcError(code, message));
    }

    /** What Janus pushes: room notifications on the publisher handle, and the end of the session. */
    private final class Pushes implements JanusConnection.Listener {

        @Override
        public void onPush(JsonNode message) {
            String type = message.path("janus").asText();
            long sender = message.path("sender").asLong();
            switch (type) {
                case "event" -> {
                    if (sender == publisherHandle && !left) {
                        List<RoomEvent> roomEvents = roster.onRoomEvent(pluginData(message));
                        roomEvents.stream().filter(event -> event.type() == ClientEvent.STREAM_REMOVED)
                                .forEach(event -> dropSubscription(event.streamId()));
                        emitAll(roomEvents);
                    }
                }
                case "timeout" -> onEventThread(() -> listener.onDisconnected("Janus session " + sessionId + " timed out"));
                case "webrtcup", "media", "hangup", "slowlink", "detached" ->
                        log.debug("{}: Janus {} on handle {}: {}", userId, type, sender, message);
                default -> log.debug("{}: unhandled Janus message {}", userId, message);
            }
        }

        @Override
        public void onClosed(String reason) {
            onEventThread(() -> listener.onDisconnected(reason));
        }
    }
}
