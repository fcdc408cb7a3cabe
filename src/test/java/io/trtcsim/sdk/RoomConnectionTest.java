package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.media.MediaClock;
import io.trtcsim.sdk.signaling.JoinRequest;
import io.trtcsim.sdk.signaling.PublishAnswer;
import io.trtcsim.sdk.signaling.Readmission;
import io.trtcsim.sdk.signaling.RoomEvent;
import io.trtcsim.sdk.signaling.RoomEventListener;
import io.trtcsim.sdk.signaling.Signaling;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ConnectionState;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.trtc.RtcError;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The room lifecycle against a stack that answers as each test says, without media. */
class RoomConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /**
     * A channel whose join and rejoin answer as told, whose heartbeats are answered while the stack
     * is reachable, and which counts how often it was closed.
     */
    private final class FakeChannel implements SignalingChannel {
        final RoomEventListener listener;
        final CompletableFuture<Void> joinAnswer;
        final CompletableFuture<Readmission> rejoinAnswer;
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger heartbeats = new AtomicInteger();
        final List<Long> heartbeatMillis = new CopyOnWriteArrayList<>();
        volatile long rejoinedAtMillis = -1;

        FakeChannel(RoomEventListener listener, CompletableFuture<Void> joinAnswer, CompletableFuture<Readmission> rejoinAnswer) {
            this.listener = listener;
            this.joinAnswer = joinAnswer;
            this.rejoinAnswer = rejoinAnswer;
        }

        @Override
        public CompletableFuture<Void> join(JoinRequest request) {
            return joinAnswer;
        }

        @Override
        public CompletableFuture<Readmission> rejoin(JoinRequest request) {
            rejoinedAtMillis = ticks.nowMillis();
            return rejoinAnswer;
        }

        @Override
        public CompletableFuture<Void> heartbeat() {
            heartbeats.incrementAndGet();
            heartbeatMillis.add(ticks.nowMillis());
            return reachable ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<PublishAnswer> publish(String offerSdp, Set<MediaKind> tracks) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> unpublish(String streamId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<String> subscribe(String streamId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> completeSubscription(String streamId, String answerSdp) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> unsubscribe(String streamId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> switchRole(Role role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> mute(MediaKind kind, boolean muted) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> leave() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    private final List<FakeChannel> channels = new ArrayList<>();
    private final FakeTicks ticks = new FakeTicks(0);
    private volatile boolean reachable = true;
    private CompletableFuture<Void> nextJoinAnswer = CompletableFuture.completedFuture(null);
    /** What each reconnection attempt's rejoin gets, in turn; unanswered once they run out. */
    private final Deque<CompletableFuture<Readmission>> rejoinAnswers = new ArrayDeque<>();
    private final Signaling signaling = listener -> {
        CompletableFuture<Readmission> rejoin = rejoinAnswers.isEmpty() ? new CompletableFuture<>() : rejoinAnswers.poll();
        FakeChannel channel = new FakeChannel(listener, nextJoinAnswer, rejoin);
        channels.add(channel);
        return channel;
    };
    private final List<String> stay = new CopyOnWriteArrayList<>();
    private final ClientRuntime runtime = ClientRuntime.create();
    private final EventDelivery events = new EventDelivery("alice", new EventJournal(System.nanoTime()), runtime.pool());
    private final RoomConnection room = new RoomConnection(new ClientConfig(Mode.RTC, 1400000001L, "alice", "sig", false),
            signaling, new SdkOptions(WAIT, WAIT, MediaClock.system(), System.nanoTime()), events,
            new RoomConnection.Stay() {
                @Override
                public void joined() {
                    stay.add("joined");
                }

                @Override
                public void release() {
                    stay.add("released");
                }

                @Override
                public void onEvent(RoomEvent event) {
                    stay.add(event.type().eventName());
                }

                @Override
                public void rejoined(Readmission readmission) {
                    stay.add("rejoined " + readmission);
                }

                @Override
                public void reconciled() {
                    stay.add("reconciled");
                }
            }, ticks);

    @AfterEach
    void close() {
        events.close();
        runtime.close();
    }

    private List<String> delivered() {
        events.awaitDelivered();
        return events.journal().entries().stream()
                .map(entry -> entry.payload() instanceof ConnectionStateChange change
                        ? change.state().name() : entry.event().eventName())
                .toList();
    }

    private void join() {
        assertThat(room.join(JoinOptions.room(4242))).succeedsWithin(WAIT);
    }

    @Test
    void aJoinReportsConnectingThenConnectedAndStartsTheStay() {
        join();

        assertThat(room.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(room.roomId()).contains(RoomId.numeric(4242L));
        assertThat(stay).containsExactly("joined");
        assertThat(delivered()).containsExactly("CONNECTING", "CONNECTED");
    }

    @Test
    void aStayEndsOnceHoweverManyWaysEndIt() {
        join();
        FakeChannel channel = channels.get(0);

        assertThat(room.leave()).succeedsWithin(WAIT);
        channel.listener.onDisconnected("socket closed");
        channel.listener.onEvent(new RoomEvent(ClientEvent.CLIENT_BANNED, "alice", null, Set.of(), Set.of(), "kick", "late"));
        room.close();

        assertThat(stay).containsExactly("joined", "released");
        assertThat(channel.closed).hasValue(1);
        assertThat(room.state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(room.roomId()).isEmpty();
        assertThat(delivered()).containsExactly("CONNECTING", "CONNECTED", "DISCONNECTED");
    }

    @Test
    void aRefusedJoinIsJoinRoomFailedAndEndsTheStayItBegan() {
        nextJoinAnswer = CompletableFuture.failedFuture(new RtcError(ErrorCode.NOT_SUPPORTED, "no such room here"));

        assertThat(room.join(JoinOptions.room(4242))).failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(RtcError.class, error -> {
                    assertThat(error.errorCode()).isEqualTo(ErrorCode.JOIN_ROOM_FAILED);
                    assertThat(error.getMessage()).contains("no such room here");
                });

        assertThat(channels.get(0).closed).hasValue(1);
        assertThat(stay).containsExactly("released");
        assertThat(room.state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(delivered()).containsExactly("CONNECTING", "DISCONNECTED");
    }

    @Test
    void aBanIsDeliveredBeforeTheDisconnection() {
        join();

        channels.get(0).listener.onEvent(new RoomEvent(ClientEvent.CLIENT_BANNED, "alice", null, Set.of(), Set.of(), "kick", "kicked"));

        assertThat(stay).containsExactly("joined", "released");
        assertThat(delivered()).containsExactly("CONNECTING", "CONNECTED", "client-banned", "DISCONNECTED");
    }

    @Test
    void theEndOfAnEarlierChannelDoesNotEndTheStayAfterIt() {
        join();
        FakeChannel first = channels.get(0);
        assertThat(room.leave()).succeedsWithin(WAIT);
        join();

        first.listener.onDisconnected("the old socket finally closed");

        assertThat(room.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(channels.get(1).closed).hasValue(0);
        assertThat(stay).containsExactly("joined", "released", "joined");
    }

    @Test
    void otherRoomEventsGoToTheStay() {
        join();

        channels.get(0).listener.onEvent(RoomEvent.ofUser(ClientEvent.PEER_JOIN, "bob"));

        assertThat(stay).containsExactly("joined", "peer-join");
    }

    @Test
    void droppingWithoutAChannelIsAnInvalidOperationAndADestroyedClientCannotJoin() {
        assertThatThrownBy(room::dropSignaling).isInstanceOf(RtcError.class)
                .satisfies(e -> assertThat(((RtcError) e).errorCode()).isEqualTo(ErrorCode.INVALID_OPERATION));
        room.close();

        assertThat(room.join(JoinOptions.room(4242))).failsWithin(WAIT).withThrowableThat()
                .withMessageContaining("destroyed");
        assertThat(channels).isEmpty();
    }

    /** The instants (fake ms) at which each reconnection attempt sent its rejoin. */
    private List<Long> attemptTimes() {
        return channels.stream().skip(1).map(channel -> channel.rejoinedAtMillis).toList();
    }

    private ErrorCode deliveredError() {
        events.awaitDelivered();
        return events.journal().entries().stream()
                .filter(entry -> entry.payload() instanceof ErrorNotice)
                .map(entry -> ((ErrorNotice) entry.payload()).error().errorCode())
                .findFirst().orElseThrow(() -> new AssertionError("no error event in " + delivered()));
    }

    @Test
    void aHeartbeatThatRanLateDoesNotMoveTheLaterOnes() {
        join();

        ticks.advanceTo(1_000);
        // The timer's pool was busy: the beat due at 2 000 runs at 2 700.
        ticks.jumpTo(2_700);
        ticks.advanceTo(6_000);

        assertThat(channels.get(0).heartbeatMillis).as("every interval from the join, whenever the one before ran")
                .containsExactly(1_000L, 2_700L, 3_000L, 4_000L, 5_000L, 6_000L);
        assertThat(room.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aTimelineThatRanLateIsNotTheStacksSilence() {
        join();

        ticks.advanceTo(1_000);
        // The client's own timer ran 2.5 s late (a busy machine): the stack answered the last heartbeat.
        ticks.jumpTo(3_500);

        assertThat(room.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(channels.get(0).heartbeatMillis).containsExactly(1_000L, 3_500L);
        assertThat(channels).as("no reconnection").hasSize(1);
    }

    @Test
    void aBeatThatRanLateTakesNotItsOwnPauseForTheStacksSilence() {
        join();
        reachable = false;
        ticks.advanceTo(1_000);
        reachable = true;

        // The whole process paused 2.2 s after its heartbeat at 1 000 went out: the beat due at
        // 2 000 runs at 3 200, with that heartbeat unanswered (the answer may be waiting unread).
        ticks.jumpTo(3_200);

        assertThat(room.state()).as("a late beat decides nothing").isEqualTo(ConnectionState.CONNECTED);
        assertThat(channels.get(0).heartbeatMillis).as("it sends a heartbeat instead").containsExactly(1_000L, 3_200L);
        ticks.advanceTo(6_000);
        assertThat(room.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(channels).as("no reconnection").hasSize(1);
    }

    @Test
    void afterALateBeatTheStackHasAWholeIntervalToAnswerItsHeartbeat() {
        join();
        ticks.advanceTo(1_000);
        reachable = false;

        // The beat due at 2 000 runs at 2 400 (a busy machine): its heartbeat is the first unanswered.
        ticks.jumpTo(2_400);
        ticks.advanceTo(3_000);
        assertThat(room.state()).as("2 s since the last answer, but the heartbeat at 2 400 has been out only 600 ms")
                .isEqualTo(ConnectionState.CONNECTED);

        rejoinAnswers.add(new CompletableFuture<>());
        ticks.advanceTo(4_000);
        assertThat(room.state()).as("the heartbeat at 2 400 unanswered for 1.6 s, nothing heard for 3 s")
                .isEqualTo(ConnectionState.RECONNECTING);
    }

    @Test
    void silenceThatOutlastsALateBeatIsLostAtTheNextBeatOnTime() {
        join();
        reachable = false;
        rejoinAnswers.add(new CompletableFuture<>());
        ticks.advanceTo(1_000);
        ticks.jumpTo(3_200);
        assertThat(room.state()).isEqualTo(ConnectionState.CONNECTED);

        ticks.advanceTo(3_999);
        assertThat(room.state()).isEqualTo(ConnectionState.CONNECTED);
        ticks.advanceTo(4_000);
        assertThat(room.state()).as("the beat at 4 000 ran on time, and nothing came since the join")
                .isEqualTo(ConnectionState.RECONNECTING);
    }

    @Test
    void missingHeartbeatRepliesAreLostSignalingAndTheRoomIsEnteredAgainOnANewChannel() {
        join();
        reachable = false;
        rejoinAnswers.add(new CompletableFuture<>());
        rejoinAnswers.add(CompletableFuture.completedFuture(Readmission.RESUMED));

        ticks.advanceTo(1_999);
        assertThat(room.state()).as("one heartbeat unanswered for 1 s is not a loss yet").isEqualTo(ConnectionState.CONNECTED);
        assertThat(channels.get(0).heartbeats).hasValue(1);
        ticks.advanceTo(2_000);
        assertThat(room.state()).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(room.channel()).as("no channel to talk on while reconnecting").isNull();
        assertThat(channels.get(0).closed).as("the silent channel stays open until the rejoin is answered").hasValue(0);

        reachable = true;
        ticks.advanceTo(10_000);

        assertThat(attemptTimes()).as("first attempt at once, the second 1 s after the first timed out (3 s)")
                .containsExactly(2_000L, 6_000L);
        assertThat(channels.get(1).closed).hasValue(1);
        assertThat(channels.get(0).closed).hasValue(1);
        assertThat(channels.get(2).closed).hasValue(0);
        assertThat(room.channel()).isSameAs(channels.get(2));
        assertThat(stay).containsExactly("joined", "rejoined RESUMED", "reconciled");
        assertThat(delivered()).containsExactly("CONNECTING", "CONNECTED", "RECONNECTING", "CONNECTED");
    }

    @Test
    void retriesFollowTheScheduleAndTheirExhaustionIsReconnectionFailedThenDisconnected() {
        join();
        reachable = false;

        ticks.advanceTo(60_000);

        assertThat(attemptTimes()).as("attempts after 0, 1, 2, 4, 8, 8 s, each given 3 s")
                .containsExactly(2_000L, 6_000L, 11_000L, 18_000L, 29_000L, 40_000L);
        assertThat(channels).allSatisfy(channel -> assertThat(channel.closed).hasValue(1));
        assertThat(stay).containsExactly("joined", "released");
        assertThat(room.roomId()).isEmpty();
        assertThat(delivered()).containsExactly("CONNECTING", "CONNECTED", "RECONNECTING", "error", "DISCONNECTED");
        assertThat(deliveredError()).isEqualTo(ErrorCode.SIGNAL_CHANNEL_RECONNECTION_FAILED);
        assertThat(ticks.pending()).isZero();
    }

    @Test
    void aChannelThatEndsWithoutALeaveIsClosedAndReconnectedAtOnce() {
        join();
        rejoinAnswers.add(CompletableFuture.completedFuture(Readmission.ADMITTED_AFRESH));

        channels.get(0).listener.onDisconnected("connection reset");
        assertThat(channels.get(0).closed).hasValue(1);
        ticks.advanceTo(0);

        assertThat(room.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(stay).containsExactly("joined", "rejoined ADMITTED_AFRESH", "reconciled");
        assertThat(delivered()).containsExactly("CONNECTING", "CONNECTED", "RECONNECTING", "CONNECTED");
    }

    @Test
    void eventsOfAnAbandonedChannelAreIgnored() {
        join();
        rejoinAnswers.add(CompletableFuture.completedFuture(Readmission.RESUMED));
        reachable = false;
        ticks.advanceTo(2_000);
        reachable = true;
        ticks.advanceTo(3_000);

        channels.get(0).listener.onEvent(RoomEvent.ofUser(ClientEvent.PEER_LEAVE, "bob"));
        channels.get(0).listener.onEvent(new RoomEvent(ClientEvent.CLIENT_BANNED, "alice", null, Set.of(), Set.of(), "kick", "stale"));
        channels.get(1).listener.onEvent(RoomEvent.ofUser(ClientEvent.PEER_JOIN, "bob"));

        assertThat(room.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(stay).containsExactly("joined", "rejoined RESUMED", "reconciled", "peer-join");
    }

    @Test
    void aBanNeverReconnects() {
        join();

        channels.get(0).listener.onEvent(new RoomEvent(ClientEvent.CLIENT_BANNED, "alice", null, Set.of(), Set.of(), "banned", "removed by the app server"));
        channels.get(0).listener.onDisconnected("closed by the stack");
        ticks.advanceTo(60_000);

        assertThat(channels).hasSize(1);
        assertThat(delivered()).containsExactly("CONNECTING", "CONNECTED", "client-banned", "DISCONNECTED");
    }

    @Test
    void leavingWhileReconnectingStopsTheRetries() {
        join();
        reachable = false;
        ticks.advanceTo(2_000);
        assertThat(room.state()).isEqualTo(ConnectionState.RECONNECTING);

        assertThat(room.leave()).succeedsWithin(WAIT);
        ticks.advanceTo(60_000);

        assertThat(channels).as("the original and the one attempt made before the leave").hasSize(2);
        assertThat(channels).allSatisfy(channel -> assertThat(channel.closed).hasValue(1));
        assertThat(ticks.pending()).isZero();
        assertThat(stay).containsExactly("joined", "released");
        assertThat(delivered()).containsExactly("CONNECTING", "CONNECTED", "RECONNECTING", "DISCONNECTED");
    }

    @Test
    void aDroppedChannelIsFollowedByAFreshEntryNotAResumption() {
        join();
        rejoinAnswers.add(CompletableFuture.completedFuture(Readmission.RESUMED));

        room.dropSignaling();
        ticks.advanceTo(1_000);

        assertThat(channels).hasSize(2);
        assertThat(channels.get(1).rejoinedAtMillis).as("no resumption asked: the stack ends a closed channel's membership")
                .isEqualTo(-1);
        assertThat(stay).containsExactly("joined", "rejoined ADMITTED_AFRESH", "reconciled");
        assertThat(delivered()).containsExactly("CONNECTING", "CONNECTED", "RECONNECTING", "CONNECTED");
    }

    @Test
    void aRejoinRefusedForGoodEndsTheReconnectionAtOnce() {
        join();
        nextJoinAnswer = CompletableFuture.failedFuture(new RtcError(ErrorCode.JOIN_ROOM_FAILED, "userSig refused: EXPIRED"));

        room.dropSignaling();
        ticks.advanceTo(60_000);

        assertThat(channels).hasSize(2);
        assertThat(delivered()).containsExactly("CONNECTING", "CONNECTED", "RECONNECTING", "error", "DISCONNECTED");
        assertThat(deliveredError()).isEqualTo(ErrorCode.SIGNAL_CHANNEL_RECONNECTION_FAILED);
    }
}
