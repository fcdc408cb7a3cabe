package io.trtcsim.sdk;

import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The thread a client's statistics are polled on, made on first use: a client that never joins
 * starts none. It reads the monotonic clock, as the executor does, so a tick is never early.
 */
final class ClientTimer implements StatsPoller.Ticks {

    private final String userId;
    private ScheduledExecutorService executor;

    ClientTimer(String userId) {
        this.userId = userId;
    }

    @Override
    public long nowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    @Override
    public synchronized Future<?> schedule(Runnable task, long delayMillis) {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "client-timer-" + userId);
                thread.setDaemon(true);
                return thread;
            });
        }
        return executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
