package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.media.MediaClock;
import io.trtcsim.sdk.signaling.JoinRequest;
import io.trtcsim.sdk.signaling.PublishAnswer;
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
import io.trtcsim.trtc.RtcError;
import java.time.Duration;
import java.util.ArrayList;
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

    /** A channel whose join answers as told, and which counts how often it was closed. */
    private static final class FakeChannel implements SignalingChannel {
        final RoomEventListener listener;
        final CompletableFuture<Void> joinAnswer;
        final AtomicInteger closed = new AtomicInteger();

        FakeChannel(RoomEventListener listener, CompletableFuture<Void> joinAnswer) {
            this.listener = listener;
            this.joinAnswer = joinAnswer;
        }

        @Override
        public CompletableFuture<Void> join(JoinRequest request) {
            return joinAnswer;
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
    private CompletableFuture<Void> nextJoinAnswer = CompletableFuture.completedFuture(null);
    private final Signaling signaling = listener -> {
        FakeChannel channel = new FakeChannel(listener, nextJoinAnswer);
        channels.add(channel);
        return channel;
    };
    private final List<String> stay = new CopyOnWriteArrayList<>();
    private final EventDelivery events = new EventDelivery("alice", new EventJournal(System.nanoTime()));
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
            });

    @AfterEach
    void close() {
        events.close();
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
        assertThat(room.roomId()).contains(4242L);
        assertThat(stay).containsExactly("joined");
        assertThat(delivered()).containsExactly("CONNECTING", "CONNECTED");
    }

    @Test
    void aStayEndsOnceHoweverManyWaysEndIt() {
        join();
        FakeChannel channel = channels.get(0);

        room.dropSignaling();
        channel.listener.onDisconnected("socket closed");
        room.disconnect(channel, "again");
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

        channels.get(0).listener.onEvent(new RoomEvent(ClientEvent.CLIENT_BANNED, "alice", null, Set.of(), Set.of(), "kicked"));

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
}
