package io.trtcsim.sdk;

import io.trtcsim.concurrent.SerialExecutor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One timeline of a client's (its heartbeats and reconnection, or its statistics polling): the
 * runtime's scheduler fires each task, which then runs on the runtime's pool behind the timeline's
 * earlier tasks, never two at once, as on a thread of its own. It reads the monotonic clock, as the
 * scheduler does, so a tick is never early. A task that throws is logged.
 * <p>
 * Ticks are due on a grid of {@value #SLACK_MILLIS} ms (timer slack, as an operating system
 * coalesces timers): thousands of clients' heartbeats then go out in small batches rather than
 * one at a time, and every thread on their way (the pool, the sockets' selectors, the simulator's)
 * wakes once per batch. A tick is at most that much late.
 */
final class ClientTimer implements StatsPoller.Ticks {

    private static final Logger log = LoggerFactory.getLogger(ClientTimer.class);
    static final long SLACK_MILLIS = 10;
    private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(SLACK_MILLIS);

    private final String name;
    private final ScheduledExecutorService scheduler;
    private final SerialExecutor tasks;
    /** Scheduled and not yet run nor cancelled: what {@link #close} takes out of the scheduler. */
    private final Set<Tick> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @param name whose timeline it is, for log lines ("alice signaling") */
    ClientTimer(String name, ClientRuntime runtime) {
        this.name = name;
        this.scheduler = runtime.timers();
        this.tasks = new SerialExecutor("timer of " + name, runtime.pool());
    }

    @Override
    public long nowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    @Override
    public Future<?> schedule(Runnable task, long delayMillis) {
        Tick tick = new Tick(task);
        if (closed) {
            tick.cancel(false);
            return tick;
        }
        pending.add(tick);
        try {
            tick.firing = scheduler.schedule(tick::fire, onTheGrid(delayMillis), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The runtime was closed: the client outlived its scenario, and its timeline stops here.
            tick.cancel(false);
            log.debug("{}: no timer any more ({})", name, e.getMessage());
        }
        if (closed) {
            tick.cancel(false);
        }
        return tick;
    }

    /** The delay, in ns, to the first instant of the slack grid at or after {@code delayMillis} from now. */
    static long onTheGrid(long delayMillis) {
        long now = System.nanoTime();
        long due = now + TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMillis));
        long slotted = Math.floorDiv(due + SLACK_NANOS - 1, SLACK_NANOS) * SLACK_NANOS;
        return slotted - now;
    }

    /** Cancels what is scheduled; a task running now finishes. */
    @Override
    public void close() {
        closed = true;
        for (Tick tick : pending) {
            tick.cancel(false);
        }
        tasks.shutdownNow();
    }

    /** A scheduled task: fired by the scheduler, run in turn on the timeline's queue. */
    private final class Tick extends FutureTask<Void> {
        private volatile ScheduledFuture<?> firing;

        Tick(Runnable task) {
            super(task, null);
        }

        void fire() {
            pending.remove(this);
            try {
                tasks.execute(this);
            } catch (RejectedExecutionException e) {
                cancel(false);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            ScheduledFuture<?> scheduled = firing;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            pending.remove(this);
            return super.cancel(false);
        }

        @Override
        protected void setException(Throwable failure) {
            log.error("{}: a timer task failed", name, failure);
            super.setException(failure);
        }
    }
}
