package io.trtcsim.concurrent;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one owner's tasks one at a time, in the order they were given, on a pool shared with other
 * owners: what a thread of its own gave (a client's events never overlap, as in a browser's event
 * loop), without the thread. At most one drain of the queue is submitted to the pool at a time;
 * it runs up to {@value #BATCH} tasks and is then submitted again, behind the work queued meanwhile,
 * so a busy owner cannot keep the others waiting.
 * <p>
 * Consecutive tasks may run on different threads of the pool, each seeing what the one before wrote
 * (the queue's monitor orders them). A task that throws is logged and the next one runs.
 */
public final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);
    static final int BATCH = 64;

    private final String name;
    private final Executor pool;
    /** Guarded by this object's monitor, as are {@code draining} and {@code shutdown}. */
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private boolean draining;
    private boolean shutdown;
    /** The thread running this executor's tasks now, if any. */
    private volatile Thread runner;

    /** @param name what the tasks belong to, for log lines and errors ("events of alice") */
    public SerialExecutor(String name, Executor pool) {
        this.name = Objects.requireNonNull(name, "name");
        this.pool = Objects.requireNonNull(pool, "a SerialExecutor needs a pool to run on (" + name + ")");
    }

    /** Queues {@code task} behind the ones given before; RejectedExecutionException once shut down. */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        boolean start;
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException(name + " is shut down");
            }
            queue.add(task);
            start = !draining;
            draining = true;
        }
        if (start) {
            submitDrain();
        }
    }

    private void submitDrain() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The shared pool is gone (its owner closed it): nothing queued here will ever run.
            synchronized (this) {
                shutdown = true;
                draining = false;
                queue.clear();
            }
            terminated.complete(null);
            throw new RejectedExecutionException(name + ": its pool no longer runs tasks", e);
        }
    }

    private void drain() {
        runner = Thread.currentThread();
        for (int ran = 0; ran < BATCH; ran++) {
            Runnable next;
            boolean finished = false;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    runner = null;
                    draining = false;
                    finished = shutdown;
                }
            }
            if (next == null) {
                if (finished) {
                    terminated.complete(null);
                }
                return;
            }
            run(next);
        }
        runner = null;
        try {
            submitDrain();
        } catch (RejectedExecutionException e) {
            log.debug("{}: tasks dropped: {}", name, e.getMessage());
        }
    }

    private void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            // As a thread of its own would have died with it, but the next task still runs.
            log.error("{}: a task failed", name, e);
        }
    }

    /** Whether the calling thread is running one of this executor's tasks (so waiting for the queue would wait for itself). */
    public boolean isRunningOnCurrentThread() {
        return runner == Thread.currentThread();
    }

    /** From now on tasks are refused; those queued still run. */
    public void shutdown() {
        boolean idle;
        synchronized (this) {
            shutdown = true;
            idle = !draining;
        }
        if (idle) {
            terminated.complete(null);
        }
    }

    /** From now on tasks are refused, and those queued are dropped; one running now finishes. */
    public void shutdownNow() {
        boolean idle;
        synchronized (this) {
            shutdown = true;
            queue.clear();
            idle = !draining;
        }
        if (idle) {
            terminated.complete(null);
        }
    }

    public synchronized boolean isShutdown() {
        return shutdown;
    }

    /** Waits, at most {@code patience}, until it is shut down with nothing left to run; true if it is. */
    public boolean awaitTermination(Duration patience) {
        try {
            terminated.get(patience.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
