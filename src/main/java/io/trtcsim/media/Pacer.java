package io.trtcsim.media;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The clock of a media source: one daemon thread that runs the source's push at a fixed rate,
 * as a camera or microphone delivers. Closing it waits for a push in progress to end, so the
 * source can then be disposed safely.
 */
final class Pacer implements AutoCloseable {

    private final ScheduledExecutorService thread;
    private ScheduledFuture<?> schedule;

    Pacer(String threadName) {
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread pacing = new Thread(r, threadName);
            pacing.setDaemon(true);
            return pacing;
        });
    }

    /** Runs {@code push} at this rate from now on, instead of any earlier rate (a push in progress finishes). */
    synchronized void every(long periodMicros, long initialDelayMicros, Runnable push) {
        if (schedule != null) {
            schedule.cancel(false);
        }
        schedule = thread.scheduleAtFixedRate(push, initialDelayMicros, periodMicros, TimeUnit.MICROSECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
