package io.trtcsim.harness;

import io.trtcsim.sdk.signaling.JoinRequest;
import io.trtcsim.sdk.signaling.Publication;
import io.trtcsim.sdk.signaling.PublishAnswer;
import io.trtcsim.sdk.signaling.Readmission;
import io.trtcsim.sdk.signaling.RoomEvent;
import io.trtcsim.sdk.signaling.RoomEventListener;
import io.trtcsim.sdk.signaling.Signaling;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.RemoteVideoStreamType;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RtcError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One participant's signaling as seen through its network: the port {@link Signaling}, decorated.
 * While {@link #down()}, nothing crosses: every call on every channel opened through the gate (one
 * opened while down, and heartbeats, included) is held, and so is every event and end of channel the
 * stack reports; {@link #up()} forwards the held calls and delivers the held events in the order they
 * were made, as TCP delivers what it buffered through a short outage. The SDK thus sees its requests
 * go unanswered, and the stack sees a client fall silent (its idle timeout notices), never a clean
 * close.
 * <p>
 * Closing a channel is the client's own act and happens at once: its held calls fail with
 * SIGNAL_CHANNEL_ERROR naming the channel, its held events are dropped, and the stack's channel is
 * closed. The stack's channel is made when the gated one is opened (the stacks here connect only on
 * the first request, and that request is held).
 * <p>
 * Nothing here blocks a caller: held work waits in one queue, which {@code up()} drains on its own
 * thread without holding the gate's lock while it calls the stack or the SDK.
 */
public final class SignalingGate implements Signaling {

    private final Signaling inner;
    private final Object lock = new Object();
    private final AtomicInteger opened = new AtomicInteger();
    /** Calls and deliveries made while down (or while earlier ones are still being let through), in order. */
    private final Deque<Runnable> held = new ArrayDeque<>();
    private boolean down;
    private boolean draining;

    public SignalingGate(Signaling inner) {
        if (inner == null) {
            throw new IllegalArgumentException("a SignalingGate needs the Signaling it stands in front of, got null");
        }
        this.inner = inner;
    }

    /** From now on nothing crosses, either way, until {@link #up()}. */
    public void down() {
        synchronized (lock) {
            down = true;
        }
    }

    /** Lets everything held through, in order, on this thread; then everything crosses again. */
    public void up() {
        synchronized (lock) {
            down = false;
            if (draining) {
                return;
            }
            draining = true;
        }
        while (true) {
            Runnable next;
            synchronized (lock) {
                next = down ? null : held.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            next.run();
        }
    }

    public boolean isDown() {
        synchronized (lock) {
            return down;
        }
    }

    /** How many calls and deliveries wait for {@link #up()}. */
    public int heldCount() {
        synchronized (lock) {
            return held.size();
        }
    }

    @Override
    public SignalingChannel open(RoomEventListener listener) {
        GatedChannel channel = new GatedChannel("signaling channel #" + opened.incrementAndGet(), listener);
        channel.inner = inner.open(channel.new Inbound());
        return channel;
    }

    /** Runs {@code action} now, or holds it behind what is held already. */
    private void pass(Runnable action) {
        synchronized (lock) {
            if (down || draining || !held.isEmpty()) {
                held.add(action);
                return;
            }
        }
        action.run();
    }

    private final class GatedChannel implements SignalingChannel {
        private final String name;
        private final RoomEventListener listener;
        /** Futures of calls held and not yet forwarded, failed if the channel closes first. */
        private final Set<CompletableFuture<?>> heldCalls = ConcurrentHashMap.newKeySet();
        private volatile SignalingChannel inner;
        private volatile boolean closed;

        GatedChannel(String name, RoomEventListener listener) {
            this.name = name;
            this.listener = listener;
        }

        private <T> CompletableFuture<T> call(Function<SignalingChannel, CompletableFuture<T>> request) {
            CompletableFuture<T> result = new CompletableFuture<>();
            if (closed) {
                result.completeExceptionally(closedError());
                return result;
            }
            heldCalls.add(result);
            pass(() -> {
                if (!heldCalls.remove(result) || result.isDone()) {
                    return;
                }
                try {
                    request.apply(inner).whenComplete((value, failure) -> {
                        if (failure == null) {
                            result.complete(value);
                        } else {
                            result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                                    ? failure.getCause() : failure);
                        }
                    });
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
            return result;
        }

        private RtcError closedError() {
            return new RtcError(ErrorCode.SIGNAL_CHANNEL_ERROR, name + " was closed while its calls were held by the signaling gate");
        }

        @Override
        public CompletableFuture<Void> join(JoinRequest request) {
            return call(channel -> channel.join(request));
        }

        @Override
        public CompletableFuture<Readmission> rejoin(JoinRequest request) {
            return call(channel -> channel.rejoin(request));
        }

        @Override
        public CompletableFuture<Void> heartbeat() {
            return call(SignalingChannel::heartbeat);
        }

        @Override
        public CompletableFuture<PublishAnswer> publish(String offerSdp, Set<MediaKind> tracks) {
            return call(channel -> channel.publish(offerSdp, tracks));
        }

        @Override
        public CompletableFuture<PublishAnswer> publish(String offerSdp, Publication publication) {
            return call(channel -> channel.publish(offerSdp, publication));
        }

        @Override
        public CompletableFuture<PublishAnswer> republish(String offerSdp, Set<MediaKind> tracks) {
            return call(channel -> channel.republish(offerSdp, tracks));
        }

        @Override
        public CompletableFuture<Void> unpublish(String streamId) {
            return call(channel -> channel.unpublish(streamId));
        }

        @Override
        public CompletableFuture<String> subscribe(String streamId) {
            return call(channel -> channel.subscribe(streamId));
        }

        @Override
        public CompletableFuture<String> subscribe(String streamId, RemoteVideoStreamType layer) {
            return call(channel -> channel.subscribe(streamId, layer));
        }

        @Override
        public CompletableFuture<Void> completeSubscription(String streamId, String answerSdp) {
            return call(channel -> channel.completeSubscription(streamId, answerSdp));
        }

        @Override
        public CompletableFuture<Void> unsubscribe(String streamId) {
            return call(channel -> channel.unsubscribe(streamId));
        }

        @Override
        public CompletableFuture<Void> switchRole(Role role) {
            return call(channel -> channel.switchRole(role));
        }

        @Override
        public CompletableFuture<Void> mute(MediaKind kind, boolean muted) {
            return call(channel -> channel.mute(kind, muted));
        }

        @Override
        public CompletableFuture<Void> leave() {
            return call(SignalingChannel::leave);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            RtcError error = closedError();
            for (CompletableFuture<?> call : heldCalls) {
                if (heldCalls.remove(call)) {
                    call.completeExceptionally(error);
                }
            }
            inner.close();
        }

        @Override
        public String toString() {
            return name;
        }

        /** What the stack tells this channel, held while down; nothing reaches a closed channel's listener. */
        private final class Inbound implements RoomEventListener {
            @Override
            public void onEvent(RoomEvent event) {
                pass(() -> {
                    if (!closed) {
                        listener.onEvent(event);
                    }
                });
            }

            @Override
            public void onDisconnected(String reason) {
                pass(() -> {
                    if (!closed) {
                        listener.onDisconnected(reason);
                    }
                });
            }
        }
    }
}
