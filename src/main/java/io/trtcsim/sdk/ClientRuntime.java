package io.trtcsim.sdk;

import io.trtcsim.concurrent.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads clients share, so that a client costs no thread of its own: one pool
 * ({@code client-events-<n>}, at least {@value #MIN_PARALLELISM} threads, made as work comes) on
 * which every client's events are delivered and its timer tasks run, each client's in order through
 * its own {@link io.trtcsim.concurrent.SerialExecutor}; and one scheduler thread
 * ({@code client-timers-<n>}) that only fires timers and hands each task to its client's queue, so a
 * slow task (a reconnection closing peer connections) delays only its own client.
 * <p>
 * Whoever makes a runtime closes it, after the clients that use it: a {@link TRTC} made without one
 * makes and closes its own; the harness makes one per scenario for all its participants.
 */
public final class ClientRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClientRuntime.class);
    /** Handlers and timer tasks may call into libwebrtc, which can block for a while; 4 keep the others moving. */
    static final int MIN_PARALLELISM = 4;
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(2);

    private final ForkJoinPool pool;
    private final ScheduledThreadPoolExecutor timers;

    private ClientRuntime(int parallelism) {
        this.pool = DaemonThreads.pool("client-events", parallelism);
        this.timers = new ScheduledThreadPoolExecutor(1, new DaemonThreads("client-timers"));
        // A cancelled heartbeat or statistics tick leaves the queue at once rather than when it was due.
        this.timers.setRemoveOnCancelPolicy(true);
        this.timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** A runtime sized for this machine. */
    public static ClientRuntime create() {
        return new ClientRuntime(Math.max(MIN_PARALLELISM, Runtime.getRuntime().availableProcessors()));
    }

    Executor pool() {
        return pool;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    /**
     * Stops the timers and the pool: what is queued is dropped, a task running now finishes (waited
     * for a while). Clients still using it afterwards get no more events or ticks.
     */
    @Override
    public void close() {
        timers.shutdownNow();
        pool.shutdownNow();
        try {
            boolean ended = timers.awaitTermination(CLOSE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                    & pool.awaitTermination(CLOSE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                log.warn("the clients' threads did not end within {} ms of closing their runtime", CLOSE_PATIENCE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
