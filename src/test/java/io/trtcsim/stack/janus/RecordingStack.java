package io.trtcsim.stack.janus;

import io.trtcsim.sdk.signaling.JoinRequest;
import io.trtcsim.sdk.signaling.PublishAnswer;
import io.trtcsim.sdk.signaling.RoomEventListener;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.stack.Stack;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Role;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stack seen through a window: the descriptions the stack sent, so a test can read what Janus put in them. */
final class RecordingStack implements Stack {

    private final Stack stack;
    private final List<String> answers = new CopyOnWriteArrayList<>();
    private final List<String> offers = new CopyOnWriteArrayList<>();
    private final List<Long> answerMillis = new CopyOnWriteArrayList<>();
    private final List<Long> offerMillis = new CopyOnWriteArrayList<>();

    RecordingStack(Stack stack) {
        this.stack = stack;
    }

    /** The answers to publish offers. */
    List<String> answers() {
        return List.copyOf(answers);
    }

    /** The offers of subscriptions. */
    List<String> offers() {
        return List.copyOf(offers);
    }

    /** How long each publish took from the offer handed over to the stack's answer. */
    List<Long> answerMillis() {
        return List.copyOf(answerMillis);
    }

    /** How long each subscribe took from the request to the stack's offer. */
    List<Long> offerMillis() {
        return List.copyOf(offerMillis);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public String name() {
        return stack.name();
    }

    @Override
    public SignalingChannel open(RoomEventListener listener) {
        SignalingChannel session = stack.open(listener);
        return new SignalingChannel() {
            @Override
            public CompletableFuture<Void> join(JoinRequest request) {
                return session.join(request);
            }

            @Override
            public CompletableFuture<PublishAnswer> publish(String offerSdp, Set<MediaKind> tracks) {
                long start = System.nanoTime();
                return session.publish(offerSdp, tracks).thenApply(answer -> {
                    answerMillis.add(millisSince(start));
                    answers.add(answer.answerSdp());
                    return answer;
                });
            }

            @Override
            public CompletableFuture<Void> unpublish(String streamId) {
                return session.unpublish(streamId);
            }

            @Override
            public CompletableFuture<String> subscribe(String streamId) {
                long start = System.nanoTime();
                return session.subscribe(streamId).thenApply(offer -> {
                    offerMillis.add(millisSince(start));
                    offers.add(offer);
                    return offer;
                });
            }

            @Override
            public CompletableFuture<Void> completeSubscription(String streamId, String answerSdp) {
                return session.completeSubscription(streamId, answerSdp);
            }

            @Override
            public CompletableFuture<Void> unsubscribe(String streamId) {
                return session.unsubscribe(streamId);
            }

            @Override
            public CompletableFuture<Void> switchRole(Role role) {
                return session.switchRole(role);
            }

            @Override
            public CompletableFuture<Void> mute(MediaKind kind, boolean muted) {
                return session.mute(kind, muted);
            }

            @Override
            public CompletableFuture<Void> leave() {
                return session.leave();
            }

            @Override
            public CompletableFuture<Void> heartbeat() {
                return session.heartbeat();
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    @Override
    public void close() {
        stack.close();
    }
}
