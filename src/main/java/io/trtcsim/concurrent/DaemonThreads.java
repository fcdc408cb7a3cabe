package io.trtcsim.concurrent;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named {@code <prefix>-<n>}, for the pools many owners share: a daemon, because a
 * pool its owner forgot to close must not keep the JVM alive; named, so a thread dump and a log
 * line say whose it is, and a test can check that none is left.
 */
public final class DaemonThreads implements ThreadFactory, ForkJoinPool.ForkJoinWorkerThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    public DaemonThreads(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("threads need a name prefix, got '" + prefix + "'");
        }
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = new ForkJoinWorkerThread(pool) {
        };
        thread.setName(prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /**
     * A pool for short tasks of many owners, each owner's in a {@link SerialExecutor}, on
     * {@code parallelism} threads made as work comes (and ended after a minute idle). First in,
     * first out (async mode), as an event loop is. A task that waits on a CompletableFuture lets the
     * pool add a thread meanwhile (ForkJoinPool's managed blocking), so a handler that waits for
     * another owner's queue cannot starve the pool.
     */
    public static ForkJoinPool pool(String prefix, int parallelism) {
        return new ForkJoinPool(parallelism, new DaemonThreads(prefix), null, true);
    }
}
