package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trtcsim.trtc.BanReason;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.ExtraCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RemoteVideoStreamType;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.trtc.RtcError;
import io.trtcsim.trtc.StreamType;
import io.trtcsim.usersig.PrivateMapKey;
import io.trtcsim.usersig.Privilege;
import io.trtcsim.usersig.UserSigException;
import io.trtcsim.usersig.UserSigFailure;
import io.trtcsim.usersig.VerifiedUserSig;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TRTC's rules for one client of the simulator: joining with a valid UserSig, roles, publishing,
 * subscribing, muting, leaving, being banned. The room's events fan out from here. Requests arrive
 * in order on the connection's thread; media steps complete later on libwebrtc's threads, so the
 * state is volatile or concurrent.
 */
final class ClientSession {

    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

    private final SimulatorContext simulator;
    /** Changes only when a reconnection resumes this session on a new connection ({@link #resumeOn}). */
    private volatile SignalingConnection connection;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile Member member;
    private volatile Room room;
    private volatile PublishedStream published;
    private volatile Optional<PrivateMapKey> privileges = Optional.empty();

    ClientSession(SimulatorContext simulator, SignalingConnection connection) {
        this.simulator = simulator;
        this.connection = connection;
    }

    private Messages messages() {
        return simulator.messages();
    }

    /** Sends its own reply: the events that follow must reach the newcomer after it. */
    void join(long id, JsonNode request) {
        if (member != null) {
            throw SignalingException.invalidOperation("already in a room (" + describe() + "); leave first");
        }
        RoomId roomId = roomIdToEnter(request.get("roomId"), request.path("useStringRoomId").asBoolean(false));
        String userId = Requests.text(request, "userId");
        long sdkAppId = request.path("sdkAppId").asLong(0);
        Mode mode = mode(request.path("mode").asText(Mode.RTC.wireName()));
        Role role = mode == Mode.LIVE ? role(request.path("role").asText(Role.ANCHOR.wireName())) : Role.ANCHOR;
        verifyUserSig(request.path("userSig").asText(""), sdkAppId, userId);
        Optional<PrivateMapKey> granted = verifyPrivateMapKey(request.path("privateMapKey").asText(""), sdkAppId, userId,
                roomId);
        boolean reconnection = request.path("reconnect").asBoolean(false);
        // The limits only once the credentials hold: no one spends another application's allowance.
        connection.admitJoin(sdkAppId);
        Member joining = new Member(userId, mode, role, connection);
        Arrival arrival = simulator.rooms().enter(new RoomKey(sdkAppId, roomId), userId, (entered, created) -> {
            Optional<Member> earlier = entered.member(userId);
            if (reconnection && earlier.isPresent() && earlier.get().connection().session().resumeOn(connection, earlier.get())) {
                entered.welcomeBack(earlier.get(), (others, streams) -> welcome(id, roomId, true, others, streams));
                return null;
            }
            earlier.ifPresent(old -> {
                if (!old.connection().session().ban(BanReason.KICK, "kicked: user " + userId + " joined room " + roomId + " again elsewhere")) {
                    // Its session is already leaving (its connection closed a moment ago) but has not
                    // left the room yet: this join replaces it, so its departure finds itself replaced
                    // and says nothing. The leave is told here, before the newcomer's join.
                    simulator.callbacks().exited(entered, old, "disconnected");
                    if (old.visible()) {
                        tellOthers(entered, old, messages().userEvent(ClientEvent.PEER_LEAVE, userId));
                    }
                }
            });
            synchronized (this) {
                this.room = entered;
                this.member = joining;
                this.privileges = granted;
            }
            if (created) {
                simulator.callbacks().roomCreated(entered);
            }
            simulator.callbacks().entered(entered, joining);
            entered.admit(joining, (visibleOthers, streams) -> welcome(id, roomId, false, visibleOthers, streams));
            return new Arrival(entered, entered.size() - 1);
        });
        if (arrival == null) {
            simulator.log().room(new RoomKey(sdkAppId, roomId), userId + " reconnected and resumed its membership");
            return;
        }
        simulator.log().room(arrival.room().key(), joining + " joined (" + arrival.othersThere() + " others there)");
        if (joining.visible()) {
            tellOthers(arrival.room(), joining, messages().userEvent(ClientEvent.PEER_JOIN, userId));
        }
    }

    /** A room id the server refuses is a room-entry error, as TRTC documents it: JOIN_ROOM_FAILED, extra code -10012. */
    private static RoomId roomIdToEnter(JsonNode value, boolean useStringRoomId) {
        try {
            return RoomIds.parse(value, useStringRoomId);
        } catch (SignalingException invalid) {
            throw new SignalingException(ErrorCode.JOIN_ROOM_FAILED, ExtraCode.ROOM_ID_INVALID, invalid.getMessage());
        }
    }

    /** The join's reply, then the visible members and the streams found, to the joiner only (queued, in that order). */
    private void welcome(long id, RoomId roomId, boolean resumed, List<Member> others, List<PublishedStream> streams) {
        connection.send(RoomIds.put(messages().ok(id), "roomId", roomId).put("resumed", resumed));
        for (Member other : others) {
            if (other.visible()) {
                connection.send(messages().userEvent(ClientEvent.PEER_JOIN, other.userId()));
            }
        }
        for (PublishedStream stream : streams) {
            connection.send(messages().streamEvent(ClientEvent.STREAM_ADDED, stream));
        }
    }

    /**
     * A reconnection on {@code successor} takes this session over if it still holds {@code self}'s
     * membership: the member, its published stream, its downlinks and the others' downlinks of its
     * stream all stay; only the connection changes, and the old one closes without a word to the
     * room. False when this session already let the membership go (its connection closed meanwhile):
     * the reconnection is then a join like any other.
     */
    boolean resumeOn(SignalingConnection successor, Member self) {
        SignalingConnection previous;
        synchronized (this) {
            if (member != self || connection == successor) {
                return false;
            }
            previous = connection;
            connection = successor;
            self.moveTo(successor);
        }
        previous.handOver(successor);
        return true;
    }

    private void verifyUserSig(String userSig, long sdkAppId, String userId) {
        if (userSig.isEmpty()) {
            throw new SignalingException(ErrorCode.JOIN_ROOM_FAILED, ExtraCode.USER_SIG_EMPTY, "userSig refused: none given");
        }
        try {
            simulator.verifier().verify(userSig, sdkAppId, userId);
        } catch (UserSigException e) {
            throw new SignalingException(ErrorCode.JOIN_ROOM_FAILED, accountCode(e.reason()), "userSig refused: " + e.getMessage());
        }
    }

    /** The account error TRTC documents for each way a userSig is wrong (docs/simulator-protocol.md). */
    private static ExtraCode accountCode(UserSigFailure failure) {
        return switch (failure) {
            case EXPIRED -> ExtraCode.USER_SIG_EXPIRED;
            case BAD_SIGNATURE -> ExtraCode.USER_SIG_WRONG_KEY;
            case IDENTIFIER_MISMATCH -> ExtraCode.USER_SIG_USER_ID_MISMATCH;
            case SDKAPPID_MISMATCH -> ExtraCode.USER_SIG_SDK_APP_ID_MISMATCH;
            case UNKNOWN_APP -> ExtraCode.USER_SIG_INVALID;
            case MALFORMED_BASE64, MALFORMED_ZLIB, TOO_LARGE, MALFORMED_JSON, MISSING_FIELD, MALFORMED_USERBUF ->
                    ExtraCode.USER_SIG_MALFORMED;
        };
    }

    /** A privateMapKey, when given, must be valid for this user and room and grant entering it. */
    private Optional<PrivateMapKey> verifyPrivateMapKey(String privateMapKey, long sdkAppId, String userId, RoomId roomId) {
        if (privateMapKey.isEmpty()) {
            if (simulator.requiresPrivateMapKey(sdkAppId)) {
                throw new SignalingException(ErrorCode.JOIN_ROOM_FAILED, ExtraCode.PRIVATE_MAP_KEY_MISSING,
                        "privateMapKey refused: application " + sdkAppId + " has advanced permission control on, and the"
                                + " join carried no privateMapKey");
            }
            return Optional.empty();
        }
        VerifiedUserSig verified;
        try {
            verified = simulator.verifier().verify(privateMapKey, sdkAppId, userId);
        } catch (UserSigException e) {
            throw new SignalingException(ErrorCode.JOIN_ROOM_FAILED, ExtraCode.PRIVATE_MAP_KEY_INSUFFICIENT,
                    "privateMapKey refused: " + e.getMessage());
        }
        PrivateMapKey key = verified.privateMapKey().orElseThrow(() -> new SignalingException(ErrorCode.JOIN_ROOM_FAILED,
                ExtraCode.PRIVATE_MAP_KEY_INSUFFICIENT, "privateMapKey refused: it carries no privilege map (TLS.userbuf)"));
        // A key for room 0 (and no string room) is good for every room of the app.
        RoomId keyRoom = key.strRoomId().map(RoomId::string).orElse(RoomId.numeric(key.roomId()));
        boolean anyRoom = key.strRoomId().isEmpty() && key.roomId() == 0;
        if (!anyRoom && !keyRoom.equals(roomId)) {
            throw new SignalingException(ErrorCode.JOIN_ROOM_FAILED, ExtraCode.PRIVATE_MAP_KEY_INSUFFICIENT,
                    "privateMapKey refused: it is for room " + keyRoom + ", not " + roomId);
        }
        if (!key.allows(Privilege.ENTER_ROOM)) {
            throw new SignalingException(ErrorCode.JOIN_ROOM_FAILED, ExtraCode.PRIVATE_MAP_KEY_INSUFFICIENT,
                    "privateMapKey refused: it does not grant ENTER_ROOM (privileges " + key.privileges() + ")");
        }
        return Optional.of(key);
    }

    CompletableFuture<ObjectNode> publish(long id, JsonNode request) {
        Member self = requireJoined("publish");
        if (!self.mayPublish()) {
            throw SignalingException.invalidOperation(self.userId()
                    + " is an audience member in live mode and may not publish; switchRole('anchor') first");
        }
        if (published != null) {
            throw SignalingException.invalidOperation(self.userId() + " already publishes " + published.streamId());
        }
        String offer = Requests.text(request, "sdp");
        boolean audio = request.path("audio").asBoolean(true);
        boolean video = request.path("video").asBoolean(true);
        // An auxiliary (screen-sharing) stream is the user's second kind of stream; absent means main.
        StreamType type = request.hasNonNull("streamType")
                ? vocabulary(() -> StreamType.named(Requests.text(request, "streamType"))) : StreamType.MAIN;
        privileges.ifPresent(key -> {
            requirePrivilege(key, audio, Privilege.SEND_AUDIO, "send audio");
            requirePrivilege(key, video, Privilege.SEND_VIDEO, "send video");
        });
        Room joined = joinedRoom();
        boolean smallStream = request.path("smallStream").asBoolean(false);
        PublishedStream stream = new PublishedStream(simulator.media(), joined.sdkAppId(),
                self.userId() + (type == StreamType.AUXILIARY ? "_aux" : "_main"), self.userId(), type, audio, video,
                smallStream);
        published = stream;
        stream.onUplinkLost(reason -> {
            simulator.log().room(joined.key(), "uplink of " + stream.streamId() + " lost: " + reason);
            if (published == stream) {
                dropPublished(stream, joined, self);
                simulator.callbacks().mediaStopped(joined, self, stream.type(), stream.hasAudio(), stream.hasVideo());
            }
        });
        CompletableFuture<String> answer = stream.acceptUplinkOffer(offer);
        if (answer.isCompletedExceptionally()) {
            // An offer the media plane refused leaves nothing published.
            dropPublished(stream, joined, self);
        } else {
            stream.uplinkConnected()
                    .orTimeout(simulator.mediaTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            simulator.log().room(joined.key(), "uplink of " + stream.streamId() + " did not connect: " + failure);
                            dropPublished(stream, joined, self);
                        } else {
                            announce(joined, self, stream);
                        }
                    });
        }
        return answer.thenApply(sdp -> messages().ok(id).put("streamId", stream.streamId()).put("sdp", sdp));
    }

    private static void requirePrivilege(PrivateMapKey key, boolean needed, Privilege privilege, String what) {
        if (needed && !key.allows(privilege)) {
            throw SignalingException.invalidOperation("privateMapKey does not grant " + privilege + " (" + what
                    + "); privileges " + key.privileges());
        }
    }

    private void announce(Room joined, Member self, PublishedStream stream) {
        if (published != stream || room != joined) {
            return;
        }
        // Logged as the announcement begins, so the line's time is when the room starts to hear of it.
        simulator.log().room(joined.key(), "stream " + stream.streamId() + " published (audio " + stream.hasAudio()
                + ", video " + stream.hasVideo() + ")");
        // Written once for the whole room: an audience of thousands gets the same text.
        String added = messages().write(messages().streamEvent(ClientEvent.STREAM_ADDED, stream));
        joined.addStream(stream, self, others -> others.forEach(other -> other.connection().sendWritten(added)));
        simulator.callbacks().mediaStarted(joined, self, stream.type(), stream.hasAudio(), stream.hasVideo());
    }

    /**
     * The publisher added or removed a track: a new uplink offer for the same stream. Once it
     * connects, the others get stream-updated with the stream's new tracks.
     */
    CompletableFuture<ObjectNode> republish(long id, JsonNode request) {
        Member self = requireJoined("update the published stream");
        PublishedStream stream = published;
        if (stream == null) {
            throw SignalingException.invalidOperation(self.userId() + " publishes nothing to update");
        }
        boolean audio = request.path("audio").asBoolean(true);
        boolean video = request.path("video").asBoolean(true);
        if (!audio && !video) {
            throw SignalingException.invalidParameter("a stream needs audio, video or both; unpublish instead");
        }
        privileges.ifPresent(key -> {
            requirePrivilege(key, audio, Privilege.SEND_AUDIO, "send audio");
            requirePrivilege(key, video, Privilege.SEND_VIDEO, "send video");
        });
        Room joined = joinedRoom();
        boolean hadAudio = stream.hasAudio();
        boolean hadVideo = stream.hasVideo();
        CompletableFuture<String> answer = stream.replaceUplink(Requests.text(request, "sdp"), audio, video);
        stream.uplinkConnected()
                .orTimeout(simulator.mediaTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        simulator.log().room(joined.key(), "updated uplink of " + stream.streamId() + " did not connect: " + failure);
                        return;
                    }
                    simulator.log().room(joined.key(), "stream " + stream.streamId() + " updated (audio " + audio + ", video " + video + ")");
                    simulator.callbacks().mediaStarted(joined, self, stream.type(), audio && !hadAudio, video && !hadVideo);
                    simulator.callbacks().mediaStopped(joined, self, stream.type(), hadAudio && !audio, hadVideo && !video);
                    tellOthers(joined, self, messages().streamEvent(ClientEvent.STREAM_UPDATED, stream));
                });
        return answer.thenApply(sdp -> messages().ok(id).put("streamId", stream.streamId()).put("sdp", sdp));
    }

    ObjectNode unpublish(long id) {
        Member self = requireJoined("unpublish");
        PublishedStream stream = published;
        if (stream == null) {
            throw SignalingException.invalidOperation("nothing is published");
        }
        // Read once: a ban from another connection's thread (the same user joining elsewhere) may take
        // the room away meanwhile, and its exit callback then stands for the stop events.
        Room joined = room;
        dropPublished(stream, joined, self);
        if (joined != null) {
            simulator.callbacks().mediaStopped(joined, self, stream.type(), stream.hasAudio() && !stream.audioMuted(),
                    stream.hasVideo() && !stream.videoMuted());
        }
        return messages().ok(id);
    }

    private void dropPublished(PublishedStream stream, Room joined, Member self) {
        if (published == stream) {
            published = null;
        }
        if (joined != null) {
            String removed = messages().write(messages().streamEvent(ClientEvent.STREAM_REMOVED, stream));
            joined.removeStream(stream, self, others -> others.forEach(other -> {
                other.connection().session().subscriptions.remove(stream.streamId());
                other.connection().sendWritten(removed);
            }));
        }
        stream.close();
    }

    CompletableFuture<ObjectNode> subscribe(long id, JsonNode request) {
        Member self = requireJoined("subscribe");
        // Read once, as in unpublish: a ban from another connection's thread may take the room away meanwhile.
        Room joined = joinedRoom();
        PublishedStream stream = existingStream(joined, Requests.text(request, "streamId"));
        simulator.log().room(joined.key(), self.userId() + " subscribes to " + stream.streamId());
        // The layer of a dual stream: big unless the subscriber asks for the small one (setRemoteVideoStreamType).
        RemoteVideoStreamType layer = request.hasNonNull("videoStreamType")
                ? vocabulary(() -> RemoteVideoStreamType.named(Requests.text(request, "videoStreamType")))
                : RemoteVideoStreamType.BIG;
        CompletableFuture<String> downlinkOffer = stream.openDownlink(self.userId(), layer);
        subscriptions.add(stream.streamId());
        return downlinkOffer
                .thenApply(offer -> messages().ok(id).put("streamId", stream.streamId()).put("sdp", offer));
    }

    CompletableFuture<ObjectNode> completeSubscription(long id, JsonNode request) {
        Member self = requireJoined("answer a subscription");
        Room joined = joinedRoom();
        PublishedStream stream = existingStream(joined, Requests.text(request, "streamId"));
        return stream.acceptDownlinkAnswer(self.userId(), Requests.text(request, "sdp"))
                .orTimeout(simulator.mediaTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        simulator.log().room(joined.key(), "downlink of " + stream.streamId()
                                + " to " + self.userId() + " did not connect: " + failure);
                        stream.closeDownlink(self.userId());
                    }
                })
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof TimeoutException) {
                        // A subscription that does not come up in time is TRTC's SUBSCRIPTION_TIMEOUT.
                        throw new SignalingException(ErrorCode.SUBSCRIPTION_TIMEOUT, "the downlink of " + stream.streamId()
                                + " to " + self.userId() + " did not connect within " + simulator.mediaTimeout().toMillis() + " ms");
                    }
                    throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
                })
                .thenApply(ignored -> messages().ok(id));
    }

    ObjectNode unsubscribe(long id, JsonNode request) {
        Member self = requireJoined("unsubscribe");
        PublishedStream stream = existingStream(Requests.text(request, "streamId"));
        if (!subscriptions.remove(stream.streamId())) {
            throw SignalingException.invalidOperation(self.userId() + " is not subscribed to " + stream.streamId());
        }
        stream.closeDownlink(self.userId());
        return messages().ok(id);
    }

    /** TRTC's switchRole: live mode only; an anchor that becomes audience stops publishing. */
    ObjectNode switchRole(long id, JsonNode request) {
        Member self = requireJoined("switch role");
        if (!self.isLive()) {
            throw SignalingException.invalidOperation("switchRole is for 'live' mode; " + self.userId() + " is in 'rtc' mode");
        }
        Role role = role(Requests.text(request, "role"));
        Room joined = joinedRoom();
        if (role != self.role()) {
            boolean wasVisible = self.visible();
            PublishedStream stream = published;
            if (role == Role.AUDIENCE && stream != null) {
                dropPublished(stream, joined, self);
                simulator.callbacks().mediaStopped(joined, self, stream.type(), stream.hasAudio(), stream.hasVideo());
            }
            joined.changeRole(self, role);
            simulator.callbacks().roleChanged(joined, self);
            if (self.visible() != wasVisible) {
                tellOthers(joined, self, messages().userEvent(self.visible() ? ClientEvent.PEER_JOIN : ClientEvent.PEER_LEAVE, self.userId()));
            }
            simulator.log().room(joined.key(), self + " switched role");
        }
        return messages().ok(id).put("role", role.wireName());
    }

    /** A publisher muted or unmuted a track: the others hear of it, the app server too. */
    ObjectNode mute(long id, JsonNode request) {
        Member self = requireJoined("mute");
        PublishedStream stream = published;
        if (stream == null) {
            throw SignalingException.invalidOperation(self.userId() + " publishes nothing to mute");
        }
        MediaKind kind = vocabulary(() -> MediaKind.named(Requests.text(request, "kind")));
        boolean muted = request.path("muted").asBoolean(true);
        boolean ofAudio = kind == MediaKind.AUDIO;
        if (stream.mute(kind, muted)) {
            Room joined = joinedRoom();
            simulator.log().room(joined.key(), self.userId() + (muted ? " muted " : " unmuted ") + kind);
            ClientEvent event = ofAudio ? (muted ? ClientEvent.MUTE_AUDIO : ClientEvent.UNMUTE_AUDIO)
                    : (muted ? ClientEvent.MUTE_VIDEO : ClientEvent.UNMUTE_VIDEO);
            tellOthers(joined, self, messages().muteEvent(event, stream));
            if (muted) {
                simulator.callbacks().mediaStopped(joined, self, stream.type(), ofAudio, !ofAudio);
            } else {
                simulator.callbacks().mediaStarted(joined, self, stream.type(), ofAudio, !ofAudio);
            }
        }
        return messages().ok(id);
    }

    ObjectNode leave(long id) {
        requireJoined("leave");
        departRoom("left");
        return messages().ok(id);
    }

    /**
     * Removes this client from its room because the app server or a newer login said so: sends
     * client-banned and leaves; false if this session was no longer in one, or another departure
     * (its connection's close) had already taken its membership.
     */
    boolean ban(BanReason reason, String message) {
        // Taken in one step: read first and taken later, the membership could be taken between by
        // the departure of a connection that closed meanwhile, and this ban would say it had made a
        // departure it had not. A rejoin then skipped the peer-leave and the closed connection's
        // departure found itself replaced (connection-drop.feature failed so on simulator-container).
        Membership taken = takeMembership();
        if (taken == null) {
            return false;
        }
        connection.send(messages().banned(taken.self().userId(), reason, message));
        depart(taken, message);
        return true;
    }

    /** The client's connection closed: it leaves, unless a reconnection moved it to another one. */
    void connectionClosed(SignalingConnection closed) {
        if (closed == connection) {
            departRoom("disconnected");
        }
    }

    /**
     * Everything leaving implies: the own stream is withdrawn, downlinks closed, the others told.
     * Only the hand-over of the state is locked; a ban arrives from another connection's thread
     * while it holds the room directory, so nothing here may wait for this session's monitor.
     */
    void departRoom(String why) {
        Membership taken = takeMembership();
        if (taken != null) {
            depart(taken, why);
        }
    }

    /** What a departure takes over from the session: its member and room. */
    private record Membership(Member self, Room joined) {
    }

    /** The membership, taken from the session at once; null when another departure has taken it. */
    private synchronized Membership takeMembership() {
        Member self = member;
        Room joined = room;
        member = null;
        room = null;
        privileges = Optional.empty();
        return self == null || joined == null ? null : new Membership(self, joined);
    }

    private void depart(Membership taken, String why) {
        Member self = taken.self();
        Room joined = taken.joined();
        PublishedStream own = published;
        if (own != null) {
            dropPublished(own, joined, self);
        }
        for (PublishedStream stream : joined.streams()) {
            stream.closeDownlink(self.userId());
        }
        subscriptions.clear();
        Rooms.Departure departure = simulator.rooms().leave(joined, self, () -> {
            if (self.visible()) {
                tellOthers(joined, self, messages().userEvent(ClientEvent.PEER_LEAVE, self.userId()));
            }
        });
        if (departure.removed()) {
            simulator.callbacks().exited(joined, self, why);
        }
        if (departure.roomEmptied()) {
            simulator.callbacks().roomDismissed(joined, "everyone left");
        }
        simulator.log().room(joined.key(), self + " left (" + why + ")");
    }

    /** The same text to every other member: written once, however many there are. */
    private void tellOthers(Room joined, Member self, ObjectNode event) {
        String written = messages().write(event);
        for (Member other : joined.othersThan(self)) {
            other.connection().sendWritten(written);
        }
    }

    private Member requireJoined(String action) {
        Member self = member;
        if (self == null) {
            throw SignalingException.invalidOperation("cannot " + action + " before joining a room");
        }
        return self;
    }

    private PublishedStream existingStream(String streamId) {
        return existingStream(joinedRoom(), streamId);
    }

    private Room joinedRoom() {
        Room joined = room;
        if (joined == null) {
            throw SignalingException.invalidOperation("not in a room");
        }
        return joined;
    }

    private static PublishedStream existingStream(Room joined, String streamId) {
        return joined.stream(streamId).orElseThrow(() -> new SignalingException(ErrorCode.REMOTE_STREAM_NOT_EXIST,
                "stream " + streamId + " is not published in " + joined));
    }

    String describe() {
        Member self = member;
        Room joined = room;
        return self == null || joined == null ? "(not joined)" : self + " in " + joined;
    }

    /** The room a newcomer entered, and how many others were there when it was added. */
    private record Arrival(Room room, int othersThere) {
    }

    private static Mode mode(String name) {
        return vocabulary(() -> Mode.named(name));
    }

    private static Role role(String name) {
        return vocabulary(() -> Role.named(name));
    }

    /** A word of TRTC's vocabulary the client got wrong is INVALID_PARAMETER, with the vocabulary's message. */
    private static <T> T vocabulary(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (RtcError e) {
            throw SignalingException.invalidParameter(e.reason());
        }
    }
}
