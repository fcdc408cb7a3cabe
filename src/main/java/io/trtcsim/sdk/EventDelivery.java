package io.trtcsim.sdk;

import io.trtcsim.concurrent.SerialExecutor;
import io.trtcsim.trtc.ClientEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a client's events reach its app: every event is written to the journal and handed to the
 * handlers of its name, one event at a time, in the order it was emitted. Events are emitted from
 * libwebrtc's and the signaling channel's threads, which must never run app code nor wait for it;
 * delivery one at a time keeps handlers from racing each other, as a browser's event loop does. The
 * deliveries run on a pool that many clients share ({@link ClientRuntime}), in this client's own
 * {@link SerialExecutor}: consecutive events may be delivered on different threads, never at once.
 */
final class EventDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);
    private static final Duration DRAIN_PATIENCE = Duration.ofSeconds(2);

    private final String userId;
    private final EventJournal journal;
    private final Map<ClientEvent, List<Consumer<TrtcEvent>>> handlers = new ConcurrentHashMap<>();
    private final SerialExecutor deliveries;

    /** @param pool where deliveries run (a {@link ClientRuntime}'s pool) */
    EventDelivery(String userId, EventJournal journal, Executor pool) {
        this.userId = userId;
        this.journal = journal;
        this.deliveries = new SerialExecutor("events of " + userId, pool);
    }

    EventJournal journal() {
        return journal;
    }

    void on(ClientEvent type, Consumer<TrtcEvent> handler) {
        handlers.computeIfAbsent(type, e -> new CopyOnWriteArrayList<>()).add(handler);
    }

    void off(ClientEvent type, Consumer<TrtcEvent> handler) {
        List<Consumer<TrtcEvent>> registered = handlers.get(type);
        if (registered != null) {
            registered.remove(handler);
        }
    }

    void emit(ClientEvent type, String userId, RemoteStream stream, EventPayload payload) {
        emitWhile(() -> true, type, userId, stream, payload);
    }

    /**
     * As {@link #emit}, but delivered only if {@code stillWanted} holds when its turn comes: a
     * periodic measurement that finishes after its evaluation stopped is dropped.
     */
    void emitWhile(BooleanSupplier stillWanted, ClientEvent type, String userId, RemoteStream stream,
                   EventPayload payload) {
        try {
            deliveries.execute(() -> {
                if (stillWanted.getAsBoolean()) {
                    deliver(type, userId, stream, payload);
                }
            });
        } catch (RejectedExecutionException closed) {
            // The client was destroyed (or its runtime closed): nobody listens any more.
        }
    }

    private void deliver(ClientEvent type, String userId, RemoteStream stream, EventPayload payload) {
        journal.record(new JournalEntry(System.nanoTime(), type, userId, stream == null ? null : stream.getId(), payload));
        TrtcEvent event = new TrtcEvent(type, userId, stream, payload);
        for (Consumer<TrtcEvent> handler : handlers.getOrDefault(type, List.of())) {
            try {
                handler.accept(event);
            } catch (RuntimeException e) {
                log.error("{}: a '{}' handler threw", this.userId, type, e);
            }
        }
    }

    /** Waits until every event emitted so far was delivered (not from a handler: that would wait for itself). */
    void awaitDelivered() {
        if (deliveries.isRunningOnCurrentThread() || deliveries.isShutdown()) {
            return;
        }
        CompletableFuture<Void> reached = new CompletableFuture<>();
        try {
            deliveries.execute(() -> reached.complete(null));
            // On a pool thread (another client's handler) this wait lets the pool add a thread meanwhile.
            reached.get(DRAIN_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            log.warn("{}: events emitted so far were not all delivered: {}", userId, e.toString());
        }
    }

    /** From now on nothing more is emitted; what was emitted before is still delivered. */
    void stopAccepting() {
        deliveries.shutdown();
    }

    /**
     * Stops accepting events and waits (a while) for those emitted before to be delivered; from a
     * handler (a client destroyed in its own event) it does not wait, as that would be for itself.
     */
    @Override
    public void close() {
        deliveries.shutdown();
        if (!deliveries.isRunningOnCurrentThread() && !deliveries.awaitTermination(DRAIN_PATIENCE)) {
            log.warn("{}: events still undelivered {} ms after the client closed", userId, DRAIN_PATIENCE.toMillis());
        }
    }
}
