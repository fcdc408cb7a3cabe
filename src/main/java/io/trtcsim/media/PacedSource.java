package io.trtcsim.media;

/**
 * What every media source shares: a {@link Pacer} that runs its push at a fixed rate, a paused
 * state (mute), and a close that stops the pacer before the native source is disposed.
 */
abstract class PacedSource implements AutoCloseable {

    private final Pacer pacer;
    private volatile boolean closed;
    private volatile boolean paused;

    PacedSource(String threadName) {
        this.pacer = new Pacer(threadName);
    }

    /** Starts pushing: {@code push} every {@code periodMicros}, the first after {@code initialDelayMicros}. */
    final void pace(long periodMicros, long initialDelayMicros, Runnable push) {
        pacer.every(periodMicros, initialDelayMicros, push);
    }

    public void setPaused(boolean pause) {
        paused = pause;
    }

    public boolean isPaused() {
        return paused;
    }

    final boolean isClosed() {
        return closed;
    }

    /** Disposes the native source; called once, after the last push has ended. */
    abstract void disposeSource();

    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pacer.close();
        disposeSource();
    }
}
