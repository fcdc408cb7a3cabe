package io.trtcsim.sdk;

import static io.trtcsim.sdk.SignalingFutures.asRtcError;
import static io.trtcsim.sdk.SignalingFutures.failed;
import static io.trtcsim.sdk.SignalingFutures.within;

import io.trtcsim.sdk.signaling.JoinRequest;
import io.trtcsim.sdk.signaling.RoomEvent;
import io.trtcsim.sdk.signaling.RoomEventListener;
import io.trtcsim.sdk.signaling.Signaling;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ConnectionState;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RtcError;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's time in a room: its signaling channel, its connection state and the room it joined.
 * However a stay ends — leave, a failed join, a ban, the signaling lost or dropped, destroy — it
 * ends through {@link #disconnect}, so the room is released, the channel closed and DISCONNECTED
 * reported once, in that order, whichever of them races to it first.
 */
final class RoomConnection {

    private static final Logger log = LoggerFactory.getLogger(RoomConnection.class);
    private static final Set<ErrorCode> KEPT_JOIN_ERRORS = EnumSet.of(ErrorCode.INVALID_PARAMETER,
            ErrorCode.JOIN_ROOM_FAILED, ErrorCode.SIGNAL_CAHNNEL_SETUP_FAILED, ErrorCode.SIGNAL_CHANNEL_ERROR,
            ErrorCode.SERVER_TIMEOUT);

    /** What a stay in a room starts and ends, and where its room events go. */
    interface Stay {
        void joined();

        /** Lets go of what the client holds in the room (media, remote streams, monitors). */
        void release();

        /** A room event other than client-banned. */
        void onEvent(RoomEvent event);
    }

    private final ClientConfig config;
    private final Signaling signaling;
    private final SdkOptions options;
    private final EventDelivery events;
    private final Stay stay;
    private final AtomicReference<SignalingChannel> session = new AtomicReference<>();
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile Long roomId;
    private volatile boolean closed;

    RoomConnection(ClientConfig config, Signaling signaling, SdkOptions options, EventDelivery events, Stay stay) {
        this.config = config;
        this.signaling = signaling;
        this.options = options;
        this.events = events;
        this.stay = stay;
    }

    /** The signaling channel, from join until disconnected; null otherwise. */
    SignalingChannel channel() {
        return session.get();
    }

    /** The channel once the join succeeded; null otherwise. */
    SignalingChannel joinedChannel() {
        return roomId == null ? null : session.get();
    }

    ConnectionState state() {
        return state;
    }

    Optional<Long> roomId() {
        return Optional.ofNullable(roomId);
    }

    CompletableFuture<Void> join(JoinOptions joinOptions) {
        String userId = config.userId();
        if (closed) {
            return failed(ErrorCode.INVALID_OPERATION, "client of " + userId + " was destroyed");
        }
        if (session.get() != null) {
            return failed(ErrorCode.INVALID_OPERATION, userId + " is already in room " + roomId);
        }
        if (joinOptions.roomId() < 1 || joinOptions.roomId() > 4_294_967_294L) {
            return failed(ErrorCode.INVALID_PARAMETER, "roomId " + joinOptions.roomId() + " is outside [1, 4294967294]");
        }
        Listener listener = new Listener();
        SignalingChannel opened = signaling.open(listener);
        listener.channel = opened;
        if (!session.compareAndSet(null, opened)) {
            opened.close();
            return failed(ErrorCode.INVALID_OPERATION, userId + " is already joining a room");
        }
        changeState(ConnectionState.CONNECTING);
        JoinRequest request = new JoinRequest(config.sdkAppId(), userId, config.userSig(), joinOptions.roomId(),
                config.mode(), joinOptions.role(), joinOptions.privateMapKey());
        return within(opened.join(request), options.signalingTimeout(), "join room " + joinOptions.roomId())
                .handle((ok, failure) -> {
                    if (failure == null) {
                        roomId = joinOptions.roomId();
                        changeState(ConnectionState.CONNECTED);
                        stay.joined();
                        return null;
                    }
                    disconnect(opened, "the join failed");
                    RtcError error = asRtcError(failure, ErrorCode.JOIN_ROOM_FAILED, "join failed");
                    // The server's refusals reach the app as JOIN_ROOM_FAILED (its reason in the
                    // message); failures of the channel itself keep their own codes.
                    throw KEPT_JOIN_ERRORS.contains(error.errorCode())
                            ? error : new RtcError(ErrorCode.JOIN_ROOM_FAILED, error.getMessage(), error);
                });
    }

    /** Leaves the room, however the stack answers; the client may join again. */
    CompletableFuture<Void> leave() {
        SignalingChannel current = session.get();
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        return within(current.leave(), options.signalingTimeout(), "leave")
                .whenComplete((ok, failure) -> disconnect(current, "left the room"));
    }

    /** TRTC's switchRole, for 'live' mode; what the new role means for the uplink is the caller's. */
    CompletableFuture<Void> switchRole(Role role) {
        SignalingChannel current = session.get();
        if (current == null) {
            return failed(ErrorCode.INVALID_OPERATION, config.userId() + " must join a room before switching role");
        }
        if (config.mode() != Mode.LIVE) {
            return failed(ErrorCode.INVALID_OPERATION, "switchRole is for 'live' mode; " + config.userId() + " is in 'rtc' mode");
        }
        if (role == null) {
            return failed(ErrorCode.INVALID_PARAMETER, "switchRole needs a role: 'anchor' or 'audience'");
        }
        return within(current.switchRole(role), options.signalingTimeout(), "switchRole");
    }

    /** Fault injection: the channel breaks without a leave; the stack sees the socket close. */
    void dropSignaling() {
        SignalingChannel current = session.get();
        if (current == null) {
            throw new RtcError(ErrorCode.INVALID_OPERATION, config.userId() + " has no signaling connection to drop");
        }
        disconnect(current, "signaling dropped");
    }

    /**
     * The one way out of a room, for the stay on {@code channel}: releases the room, closes the
     * channel and reports DISCONNECTED. Only the first call for a channel does it: a channel that is
     * no longer the client's was closed when it stopped being so, and a new stay is not the old one's
     * to end.
     */
    void disconnect(SignalingChannel channel, String why) {
        if (channel == null || !session.compareAndSet(channel, null)) {
            return;
        }
        log.debug("{}: out of room {}: {}", config.userId(), roomId, why);
        stay.release();
        roomId = null;
        channel.close();
        changeState(ConnectionState.DISCONNECTED);
    }

    /** Destroy: out of the room, and no join from now on. */
    void close() {
        closed = true;
        disconnect(session.get(), "destroyed");
    }

    private synchronized void changeState(ConnectionState next) {
        ConnectionState previous = state;
        if (previous != next) {
            state = next;
            events.emit(ClientEvent.CONNECTION_STATE_CHANGED, null, null, new ConnectionStateChange(previous, next));
        }
    }

    /** One per channel, so that its end ends its own stay only. */
    private final class Listener implements RoomEventListener {
        private volatile SignalingChannel channel;

        @Override
        public void onEvent(RoomEvent event) {
            if (event.type() == ClientEvent.CLIENT_BANNED) {
                events.emit(ClientEvent.CLIENT_BANNED, event.userId(), null, new BanNotice(Optional.ofNullable(event.reason())));
                disconnect(channel, "banned");
            } else {
                stay.onEvent(event);
            }
        }

        @Override
        public void onDisconnected(String reason) {
            log.info("{}: signaling lost: {}", config.userId(), reason);
            disconnect(channel, "signaling lost: " + reason);
        }
    }
}
