package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.trtcsim.sdk.signaling.JoinRequest;
import io.trtcsim.sdk.signaling.PublishAnswer;
import io.trtcsim.sdk.signaling.RoomEvent;
import io.trtcsim.sdk.signaling.RoomEventListener;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.trtc.RtcError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The gate against a stack that records what reaches it and answers every call at once. */
class SignalingGateTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final JoinRequest JOIN = new JoinRequest(1400000001L, "alice", "sig", RoomId.numeric(4242), false, Mode.RTC, Role.ANCHOR, "");

    /** What reached the stack, channel by channel ("#1 join", "#2 heartbeat", "#1 close"). */
    private final List<String> stackSaw = new CopyOnWriteArrayList<>();
    /** What reached the SDK's listeners. */
    private final List<String> sdkSaw = new CopyOnWriteArrayList<>();
    private final List<RoomEventListener> stackSide = new ArrayList<>();
    private final SignalingGate gate = new SignalingGate(listener -> {
        stackSide.add(listener);
        return new RecordingChannel("#" + stackSide.size());
    });

    private RoomEventListener sdkListener(String name) {
        return new RoomEventListener() {
            @Override
            public void onEvent(RoomEvent event) {
                sdkSaw.add(name + " " + event.type().eventName() + " " + event.userId());
            }

            @Override
            public void onDisconnected(String reason) {
                sdkSaw.add(name + " disconnected: " + reason);
            }
        };
    }

    @Test
    void whileDownNothingCrossesAndUpLetsItThroughInOrder() {
        SignalingChannel first = gate.open(sdkListener("first"));
        assertThat(first.join(JOIN)).succeedsWithin(WAIT);

        gate.down();
        CompletableFuture<Void> heartbeat = first.heartbeat();
        CompletableFuture<String> offer = first.subscribe("bob_main");
        SignalingChannel second = gate.open(sdkListener("second"));
        CompletableFuture<Void> rejoin = second.join(JOIN);
        stackSide.get(0).onEvent(RoomEvent.ofUser(ClientEvent.PEER_JOIN, "bob"));
        stackSide.get(0).onEvent(RoomEvent.ofUser(ClientEvent.PEER_LEAVE, "bob"));
        stackSide.get(1).onDisconnected("idle timeout");

        assertThat(heartbeat).as("a held call is not answered").isNotDone();
        assertThat(offer).isNotDone();
        assertThat(rejoin).isNotDone();
        assertThat(stackSaw).containsExactly("#1 join");
        assertThat(sdkSaw).isEmpty();
        assertThat(gate.heldCount()).isEqualTo(6);

        gate.up();

        assertThat(stackSaw).containsExactly("#1 join", "#1 heartbeat", "#1 subscribe bob_main", "#2 join");
        assertThat(sdkSaw).containsExactly("first peer-join bob", "first peer-leave bob", "second disconnected: idle timeout");
        assertThat(heartbeat).succeedsWithin(WAIT);
        assertThat(offer).succeedsWithin(WAIT).isEqualTo("offer of bob_main");
        assertThat(rejoin).succeedsWithin(WAIT);
        assertThat(gate.heldCount()).isZero();
    }

    @Test
    void closingAChannelFailsItsHeldCallsNamingItAndClosesTheStacksChannelAtOnce() {
        SignalingChannel channel = gate.open(sdkListener("alice"));
        gate.down();
        CompletableFuture<Void> join = channel.join(JOIN);
        stackSide.get(0).onEvent(RoomEvent.ofUser(ClientEvent.PEER_JOIN, "bob"));

        channel.close();

        assertThat(join).failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(RtcError.class, error -> {
                    assertThat(error.errorCode()).isEqualTo(ErrorCode.SIGNAL_CHANNEL_ERROR);
                    assertThat(error.getMessage()).contains("signaling channel #1");
                });
        assertThat(stackSaw).containsExactly("#1 close");
        gate.up();
        assertThat(stackSaw).as("a discarded call is never forwarded").containsExactly("#1 close");
        assertThat(sdkSaw).as("a closed channel hears nothing").isEmpty();
        assertThat(channel.heartbeat()).failsWithin(WAIT);
    }

    @Test
    void goingDownAgainWhileLettingThroughHoldsTheRest() {
        SignalingChannel channel = gate.open(sdkListener("alice"));
        gate.down();
        CompletableFuture<Void> join = channel.join(JOIN);
        join.thenRun(gate::down);
        CompletableFuture<Void> heartbeat = channel.heartbeat();

        gate.up();

        assertThat(join).isDone();
        assertThat(heartbeat).isNotDone();
        assertThat(gate.isDown()).isTrue();
        gate.up();
        assertThat(heartbeat).succeedsWithin(WAIT);
        assertThat(stackSaw).containsExactly("#1 join", "#1 heartbeat");
    }

    /** Answers every call at once and writes down what reached it. */
    private final class RecordingChannel implements SignalingChannel {
        private final String name;

        RecordingChannel(String name) {
            this.name = name;
        }

        private <T> CompletableFuture<T> saw(String what, T answer) {
            stackSaw.add(name + " " + what);
            return CompletableFuture.completedFuture(answer);
        }

        @Override
        public CompletableFuture<Void> join(JoinRequest request) {
            return saw("join", null);
        }

        @Override
        public CompletableFuture<Void> heartbeat() {
            return saw("heartbeat", null);
        }

        @Override
        public CompletableFuture<PublishAnswer> publish(String offerSdp, Set<MediaKind> tracks) {
            return saw("publish", new PublishAnswer("alice_main", "answer"));
        }

        @Override
        public CompletableFuture<Void> unpublish(String streamId) {
            return saw("unpublish " + streamId, null);
        }

        @Override
        public CompletableFuture<String> subscribe(String streamId) {
            return saw("subscribe " + streamId, "offer of " + streamId);
        }

        @Override
        public CompletableFuture<Void> completeSubscription(String streamId, String answerSdp) {
            return saw("subscribe-answer " + streamId, null);
        }

        @Override
        public CompletableFuture<Void> unsubscribe(String streamId) {
            return saw("unsubscribe " + streamId, null);
        }

        @Override
        public CompletableFuture<Void> switchRole(Role role) {
            return saw("switch-role " + role, null);
        }

        @Override
        public CompletableFuture<Void> mute(MediaKind kind, boolean muted) {
            return saw("mute " + kind, null);
        }

        @Override
        public CompletableFuture<Void> leave() {
            return saw("leave", null);
        }

        @Override
        public void close() {
            stackSaw.add(name + " close");
        }
    }
}
