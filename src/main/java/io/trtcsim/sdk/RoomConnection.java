package io.trtcsim.sdk;

import static io.trtcsim.sdk.SignalingFutures.asRtcError;
import static io.trtcsim.sdk.SignalingFutures.failed;
import static io.trtcsim.sdk.SignalingFutures.within;

import io.trtcsim.sdk.signaling.JoinRequest;
import io.trtcsim.sdk.signaling.Readmission;
import io.trtcsim.sdk.signaling.RoomEvent;
import io.trtcsim.sdk.signaling.RoomEventListener;
import io.trtcsim.sdk.signaling.Signaling;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.trtc.BanReason;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ConnectionState;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.trtc.RtcError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's time in a room: its signaling channel, its connection state and the room it joined.
 * While in the room it sends heartbeats; lost signaling (no reply for a while, or the channel ending
 * without a leave) is RECONNECTING, and the room is entered again on a new channel as
 * {@link SdkOptions.Reconnection} schedules (see {@link Visit}). However a stay ends — leave, a
 * failed join, a ban, the reconnection given up, destroy — it ends through {@link #end}, so the room
 * is released, the channels closed and DISCONNECTED reported once, in that order, whichever of them
 * races to it first.
 * <p>
 * Timers run on {@code ticks}; channel replies and events arrive on the stacks' threads. The state of
 * a stay is guarded by this object's monitor, and nothing is called on a channel, the stay or
 * libwebrtc while it is held (state changes are only queued for delivery).
 */
final class RoomConnection {

    private static final Logger log = LoggerFactory.getLogger(RoomConnection.class);
    private static final Set<ErrorCode> KEPT_JOIN_ERRORS = EnumSet.of(ErrorCode.INVALID_PARAMETER,
            ErrorCode.JOIN_ROOM_FAILED, ErrorCode.SIGNAL_CAHNNEL_SETUP_FAILED, ErrorCode.SIGNAL_CHANNEL_ERROR,
            ErrorCode.SERVER_TIMEOUT);
    /** Failures a later attempt may not meet again; any other refusal (a bad UserSig...) is final. */
    private static final Set<ErrorCode> TRANSIENT_REJOIN_ERRORS = EnumSet.of(ErrorCode.SIGNAL_CAHNNEL_SETUP_FAILED,
            ErrorCode.SIGNAL_CHANNEL_ERROR, ErrorCode.SERVER_TIMEOUT);

    /** What a stay in a room starts and ends, and where its room events go. */
    interface Stay {
        void joined();

        /** Lets go of what the client holds in the room (media, remote streams, monitors). */
        void release();

        /** A room event other than client-banned. */
        void onEvent(RoomEvent event);

        /**
         * Back in the room after lost signaling, on a channel that is now {@link #channel()}. Called
         * before any of the rejoin's announcements (peer-join, stream-added) reaches {@link #onEvent}.
         */
        void rejoined(Readmission readmission);

        /** Every announcement of the rejoin has arrived: what was not announced again is gone. */
        void reconciled();
    }

    private final ClientConfig config;
    private final Signaling signaling;
    private final SdkOptions options;
    private final SdkOptions.Reconnection policy;
    private final EventDelivery events;
    private final Stay stay;
    private final StatsPoller.Ticks ticks;
    /** The stay in progress, from join until it ends; written under this object's monitor. */
    private volatile Visit visit;
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile RoomId roomId;
    private volatile boolean closed;

    RoomConnection(ClientConfig config, Signaling signaling, SdkOptions options, EventDelivery events, Stay stay,
                   StatsPoller.Ticks ticks) {
        this.config = config;
        this.signaling = signaling;
        this.options = options;
        this.policy = options.reconnection();
        this.events = events;
        this.stay = stay;
        this.ticks = ticks;
    }

    /** The signaling channel, from join until disconnected; null otherwise and while reconnecting. */
    SignalingChannel channel() {
        Visit current = visit;
        return current == null || current.reconnecting ? null : current.channel;
    }

    /** The channel once the join succeeded (and not while reconnecting); null otherwise. */
    SignalingChannel joinedChannel() {
        return roomId == null ? null : channel();
    }

    ConnectionState state() {
        return state;
    }

    Optional<RoomId> roomId() {
        return Optional.ofNullable(roomId);
    }

    CompletableFuture<Void> join(JoinOptions joinOptions) {
        String userId = config.userId();
        if (closed) {
            return failed(ErrorCode.INVALID_OPERATION, "client of " + userId + " was destroyed");
        }
        if (visit != null) {
            return failed(ErrorCode.INVALID_OPERATION, userId + " is already in room " + roomId);
        }
        // A number out of range is the SDK's own parameter check; whether a room id fits the
        // client's useStringRoomId (and a string id's length and characters) the server decides:
        // JOIN_ROOM_FAILED with extra code -10012.
        RoomId asked = joinOptions.roomId();
        if (!asked.isString() && !config.useStringRoomId()) {
            Optional<String> outOfRange = asked.problem(false);
            if (outOfRange.isPresent()) {
                return failed(ErrorCode.INVALID_PARAMETER, outOfRange.get());
            }
        }
        Visit joining = new Visit(new JoinRequest(config.sdkAppId(), userId, config.userSig(), joinOptions.roomId(), config.useStringRoomId(),
                config.mode(), joinOptions.role(), joinOptions.privateMapKey()));
        SignalingChannel opened = open(joining);
        synchronized (this) {
            if (visit != null) {
                opened.close();
                return failed(ErrorCode.INVALID_OPERATION, userId + " is already joining a room");
            }
            visit = joining;
            joining.channel = opened;
            changeState(ConnectionState.CONNECTING);
        }
        return within(opened.join(joining.request), options.signalingTimeout(), "join room " + joinOptions.roomId())
                .handle((ok, failure) -> {
                    if (failure == null) {
                        roomId = joinOptions.roomId();
                        synchronized (this) {
                            if (!joining.ended) {
                                joining.joined = true;
                                changeState(ConnectionState.CONNECTED);
                                joining.lastHeardMillis = ticks.nowMillis();
                                scheduleBeats(joining, opened);
                            }
                        }
                        stay.joined();
                        return null;
                    }
                    end(joining, "the join failed");
                    RtcError error = asRtcError(failure, ErrorCode.JOIN_ROOM_FAILED, "join failed");
                    // The server's refusals reach the app as JOIN_ROOM_FAILED (its reason in the
                    // message); failures of the channel itself keep their own codes.
                    throw KEPT_JOIN_ERRORS.contains(error.errorCode())
                            ? error : new RtcError(ErrorCode.JOIN_ROOM_FAILED, error.getMessage(), error);
                });
    }

    private SignalingChannel open(Visit owner) {
        Listener listener = new Listener(owner);
        SignalingChannel opened = signaling.open(listener);
        listener.channel = opened;
        return opened;
    }

    /** Leaves the room, however the stack answers; the client may join again. While reconnecting, it stops the retries. */
    CompletableFuture<Void> leave() {
        Visit current = visit;
        SignalingChannel channel;
        synchronized (this) {
            if (current == null) {
                return CompletableFuture.completedFuture(null);
            }
            current.leaving = true;
            channel = current.reconnecting ? null : current.channel;
        }
        if (channel == null) {
            end(current, "left while reconnecting");
            return CompletableFuture.completedFuture(null);
        }
        return within(channel.leave(), options.signalingTimeout(), "leave")
                .whenComplete((ok, failure) -> end(current, "left the room"));
    }

    /** TRTC's switchRole, for 'live' mode; what the new role means for the uplink is the caller's. */
    CompletableFuture<Void> switchRole(Role role) {
        SignalingChannel current = channel();
        if (current == null) {
            return failed(ErrorCode.INVALID_OPERATION, config.userId() + " must be in a room (and connected) before switching role");
        }
        if (config.mode() != Mode.LIVE) {
            return failed(ErrorCode.INVALID_OPERATION, "switchRole is for 'live' mode; " + config.userId() + " is in 'rtc' mode");
        }
        if (role == null) {
            return failed(ErrorCode.INVALID_PARAMETER, "switchRole needs a role: 'anchor' or 'audience'");
        }
        return within(current.switchRole(role), options.signalingTimeout(), "switchRole");
    }

    /**
     * Fault injection: the channel breaks without a leave, as a network would break it; the stack
     * sees the socket close at once, and the client reconnects as for any lost signaling.
     */
    void dropSignaling() {
        Visit current = visit;
        SignalingChannel channel = channel();
        if (current == null || channel == null) {
            throw new RtcError(ErrorCode.INVALID_OPERATION, config.userId() + " has no signaling connection to drop");
        }
        lost(current, channel, "signaling dropped", true);
    }

    /** Destroy: out of the room, and no join from now on. */
    void close() {
        closed = true;
        Visit current = visit;
        if (current != null) {
            end(current, "destroyed");
        }
        ticks.close();
    }

    /**
     * The one way out of a room, for the stay {@code ending}: releases the room, closes its channels
     * and reports DISCONNECTED. Only the first call for a stay does it, and a new stay is not the old
     * one's to end.
     */
    private void end(Visit ending, String why) {
        List<SignalingChannel> channels;
        synchronized (this) {
            if (ending.ended) {
                return;
            }
            ending.ended = true;
            ending.cancelTimer();
            if (visit == ending) {
                visit = null;
            }
            channels = ending.openChannels();
        }
        log.debug("{}: out of room {}: {}", config.userId(), roomId, why);
        stay.release();
        roomId = null;
        channels.forEach(SignalingChannel::close);
        changeState(ConnectionState.DISCONNECTED);
    }

    /**
     * A heartbeat, unless the stack has been silent too long: then the signaling is lost. Silence
     * counts only while a heartbeat of ours is unanswered: when this timeline itself ran late (a
     * busy machine, a pause of the JVM), the stack had nothing to answer, and its answer to the
     * last heartbeat still stands. The stack is judged silent only once the oldest heartbeat it
     * has not answered has been out for a whole interval: after a beat that ran late, the next
     * one comes soon, and the stack has had no time to answer. And a beat that runs half an
     * interval late or more judges nothing: whatever froze this timer froze our reading too, so
     * the stack's answer may be waiting unread in the socket; it sends a heartbeat and leaves the
     * judgement to the next beat (measured: after the forced GCs of a memory reading stopped a
     * JVM of 5,000 members for seconds, 540–1,340 of them took that pause for the stack's silence
     * and rejoined). On {@code ticks}.
     */
    private void beat(Visit current, SignalingChannel channel) {
        long silentMillis;
        boolean lostNow;
        synchronized (this) {
            if (!current.isLive(channel)) {
                return;
            }
            long now = ticks.nowMillis();
            silentMillis = now - current.lastHeardMillis;
            boolean unanswered = current.lastBeatSentMillis > current.lastHeardMillis;
            long interval = policy.heartbeatInterval().toMillis();
            boolean askedLongEnough = now - current.unansweredSinceMillis >= interval;
            boolean ranLate = now - current.nextBeatMillis >= interval / 2;
            lostNow = unanswered && askedLongEnough && !ranLate && silentMillis >= policy.signalingLostAfter().toMillis();
            if (!lostNow) {
                if (!unanswered) {
                    current.unansweredSinceMillis = now;
                }
                current.lastBeatSentMillis = now;
                scheduleNextBeat(current, channel, now);
            }
        }
        if (lostNow) {
            lost(current, channel, "nothing from the stack for " + silentMillis + " ms", false);
            return;
        }
        heartbeat(current, channel);
    }

    /** Heartbeats from now on, one every interval. Under this object's monitor. */
    private void scheduleBeats(Visit current, SignalingChannel channel) {
        long interval = policy.heartbeatInterval().toMillis();
        current.nextBeatMillis = ticks.nowMillis() + interval;
        current.timer = ticks.schedule(() -> beat(current, channel), interval);
    }

    /**
     * The next heartbeat at its place in the stay's rhythm, not an interval after this one ran: a
     * beat that ran late (the timer's pool was busy, a pause of the JVM) does not move the later
     * ones, so the clients of one machine stay spread over the second as their joins spread them,
     * rather than bunching up behind each stall. Beats missed meanwhile are not made up for.
     * Under this object's monitor.
     */
    private void scheduleNextBeat(Visit current, SignalingChannel channel, long now) {
        long interval = policy.heartbeatInterval().toMillis();
        long next = current.nextBeatMillis + interval;
        if (next <= now) {
            next += ((now - next) / interval + 1) * interval;
        }
        current.nextBeatMillis = next;
        current.timer = ticks.schedule(() -> beat(current, channel), next - now);
    }

    private void heartbeat(Visit current, SignalingChannel channel) {
        channel.heartbeat().whenComplete((ok, failure) -> {
            if (failure == null) {
                heard(current, channel, true);
            }
        });
    }

    /**
     * Something came from the stack on the live channel. The first heartbeat reply after a rejoin
     * ends its reconciliation: the stack sent the rejoin's announcements before it.
     */
    private void heard(Visit current, SignalingChannel channel, boolean heartbeatReply) {
        boolean reconciled;
        synchronized (this) {
            if (!current.isLive(channel)) {
                return;
            }
            current.lastHeardMillis = ticks.nowMillis();
            reconciled = heartbeatReply && current.reconciling && !current.reconnecting;
            if (reconciled) {
                current.reconciling = false;
            }
        }
        if (reconciled) {
            stay.reconciled();
        }
    }

    /**
     * The signaling of {@code channel} is lost: RECONNECTING, and the first attempt is scheduled. A
     * channel that only fell silent is kept open (and ignored) until the room is entered again, so
     * that the stack sees the new join before the old connection's end and can resume the
     * membership (make before break); one known to be broken is closed at once. Closing never blocks.
     */
    private void lost(Visit current, SignalingChannel channel, String why, boolean broken) {
        boolean leaving;
        synchronized (this) {
            if (!current.isLive(channel) || !current.joined || current.reconnecting) {
                // Before the join is answered its own failure ends the stay; an attempt fails on its own.
                return;
            }
            leaving = current.leaving;
            if (!leaving) {
                current.cancelTimer();
                current.reconnecting = true;
                current.reconciling = false;
                current.channel = null;
                current.attempts = 0;
                current.enterAfresh = broken;
                if (!broken) {
                    current.abandoned.add(channel);
                }
                changeState(ConnectionState.RECONNECTING);
                current.timer = ticks.schedule(() -> attempt(current), policy.retryDelays().get(0).toMillis());
            }
        }
        if (leaving) {
            end(current, "signaling lost while leaving: " + why);
            return;
        }
        log.info("{}: signaling lost ({}); reconnecting to room {}", config.userId(), why, roomId);
        if (broken) {
            channel.close();
        }
    }

    /** One reconnection attempt: a new channel, a rejoin, and a deadline for its answer. On {@code ticks}. */
    private void attempt(Visit current) {
        synchronized (this) {
            if (current.ended || !current.reconnecting) {
                return;
            }
        }
        SignalingChannel channel;
        try {
            channel = open(current);
        } catch (RuntimeException e) {
            // A stack that cannot even open a channel (stopped, misconfigured) fails this attempt.
            synchronized (this) {
                current.attempts++;
            }
            attemptFailed(current, null, asRtcError(e, ErrorCode.SIGNAL_CAHNNEL_SETUP_FAILED, "opening a channel failed"));
            return;
        }
        int number;
        synchronized (this) {
            if (current.ended || !current.reconnecting) {
                number = -1;
            } else {
                number = ++current.attempts;
                current.channel = channel;
                current.timer = ticks.schedule(() -> attemptFailed(current, channel, new RtcError(ErrorCode.SERVER_TIMEOUT,
                        "no answer within " + policy.attemptTimeout().toMillis() + " ms")), policy.attemptTimeout().toMillis());
            }
        }
        if (number < 0) {
            channel.close();
            return;
        }
        log.info("{}: reconnection attempt {} of {} to room {}", config.userId(), number, policy.retryDelays().size(), roomId);
        CompletableFuture<Readmission> answer;
        try {
            boolean afresh;
            synchronized (this) {
                afresh = current.enterAfresh;
            }
            answer = afresh ? channel.join(current.request).thenApply(joined -> Readmission.ADMITTED_AFRESH)
                    : channel.rejoin(current.request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((readmission, failure) -> {
            if (failure == null) {
                rejoined(current, channel, readmission);
            } else {
                attemptFailed(current, channel, asRtcError(failure, ErrorCode.SIGNAL_CHANNEL_ERROR, "rejoin failed"));
            }
        });
    }

    /**
     * The attempt on {@code channel} failed: the next one is scheduled, or, when none is left or the
     * stack refused for good, the app gets SIGNAL_CHANNEL_RECONNECTION_FAILED and the stay ends.
     * A late answer of an attempt already given up changes nothing. {@code channel} is null when
     * none could be opened.
     */
    private void attemptFailed(Visit current, SignalingChannel channel, RtcError error) {
        boolean givenUp;
        int made;
        synchronized (this) {
            if (current.ended || !current.reconnecting || current.channel != channel) {
                return;
            }
            current.cancelTimer();
            current.channel = null;
            made = current.attempts;
            givenUp = !TRANSIENT_REJOIN_ERRORS.contains(error.errorCode()) || made >= policy.retryDelays().size();
            if (!givenUp) {
                current.timer = ticks.schedule(() -> attempt(current), policy.retryDelays().get(made).toMillis());
            }
        }
        if (channel != null) {
            channel.close();
        }
        log.info("{}: reconnection attempt {} failed: {}", config.userId(), made, error.getMessage());
        if (givenUp) {
            String why = (made >= policy.retryDelays().size() ? "gave up after " + made + " attempts" : "refused for good")
                    + "; last: " + error.errorCode() + " " + error.getMessage();
            events.emit(ClientEvent.ERROR, config.userId(), null,
                    new ErrorNotice(new RtcError(ErrorCode.SIGNAL_CHANNEL_RECONNECTION_FAILED,
                            "reconnection to room " + roomId + " failed: " + why, error)));
            end(current, "reconnection failed");
        }
    }

    /** Back in the room on {@code channel}: CONNECTED, the abandoned channels closed, the stay told. */
    private void rejoined(Visit current, SignalingChannel channel, Readmission readmission) {
        List<SignalingChannel> abandoned;
        synchronized (this) {
            if (current.ended || !current.reconnecting || current.channel != channel) {
                return;
            }
            current.cancelTimer();
            current.reconnecting = false;
            current.reconciling = true;
            current.lastHeardMillis = ticks.nowMillis();
            abandoned = List.copyOf(current.abandoned);
            current.abandoned.clear();
            changeState(ConnectionState.CONNECTED);
            current.lastBeatSentMillis = ticks.nowMillis();
            scheduleBeats(current, channel);
        }
        log.info("{}: back in room {} ({})", config.userId(), roomId, readmission);
        abandoned.forEach(SignalingChannel::close);
        stay.rejoined(readmission);
        // Its reply follows the rejoin's announcements on the channel, so it ends the reconciliation.
        heartbeat(current, channel);
    }

    private synchronized void changeState(ConnectionState next) {
        ConnectionState previous = state;
        if (previous != next) {
            state = next;
            events.emit(ClientEvent.CONNECTION_STATE_CHANGED, null, null, new ConnectionStateChange(previous, next));
        }
    }

    /**
     * One stay in a room, across its reconnections. {@code channel} is the live one when connected,
     * the current attempt's while reconnecting (null between attempts); {@code abandoned} holds the
     * silent channels kept open until the room is entered again. Fields other than the request are
     * guarded by the RoomConnection's monitor (volatile where read without it).
     */
    private static final class Visit {
        final JoinRequest request;
        final List<SignalingChannel> abandoned = new ArrayList<>();
        volatile SignalingChannel channel;
        volatile boolean reconnecting;
        boolean joined;
        boolean reconciling;
        /**
         * The lost channel closed (by this client or the stack) rather than falling silent: the stack
         * ends a closed connection's membership when it sees the close, which may come after a quick
         * rejoin's request on the new channel. Resuming would then race the close; entering afresh
         * ends the old membership first whichever the stack sees first, so the others always see
         * the same thing: a leave and a join.
         */
        boolean enterAfresh;
        boolean leaving;
        boolean ended;
        int attempts;
        long lastHeardMillis;
        /** When the last heartbeat was sent (-1: none yet on this channel). */
        long lastBeatSentMillis = -1;
        /** When the oldest heartbeat still unanswered was sent (meaningful while one is). */
        long unansweredSinceMillis;
        /** When the heartbeat now scheduled is due (its place in the stay's rhythm). */
        long nextBeatMillis;
        Future<?> timer;

        Visit(JoinRequest request) {
            this.request = request;
        }

        /** Whether {@code candidate} speaks for this stay now: its live channel, or the attempt's. */
        boolean isLive(SignalingChannel candidate) {
            return !ended && candidate != null && channel == candidate;
        }

        void cancelTimer() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        List<SignalingChannel> openChannels() {
            List<SignalingChannel> open = new ArrayList<>(abandoned);
            abandoned.clear();
            if (channel != null) {
                open.add(channel);
            }
            return open;
        }
    }

    /** One per channel, so that its end ends or reconnects its own stay only, and an abandoned one is not heard. */
    private final class Listener implements RoomEventListener {
        private final Visit owner;
        private volatile SignalingChannel channel;

        Listener(Visit owner) {
            this.owner = owner;
        }

        @Override
        public void onEvent(RoomEvent event) {
            if (!owner.isLive(channel)) {
                return;
            }
            heard(owner, channel, false);
            if (event.type() == ClientEvent.CLIENT_BANNED) {
                events.emit(ClientEvent.CLIENT_BANNED, event.userId(), null, new BanNotice(
                        Optional.ofNullable(event.reason()).flatMap(BanReason::ofWireName), Optional.ofNullable(event.message())));
                end(owner, "banned");
            } else {
                stay.onEvent(event);
            }
        }

        @Override
        public void onDisconnected(String reason) {
            if (owner.isLive(channel) && owner.reconnecting) {
                attemptFailed(owner, channel, new RtcError(ErrorCode.SIGNAL_CHANNEL_ERROR, "channel closed: " + reason));
            } else {
                lost(owner, channel, reason, true);
            }
        }
    }
}
