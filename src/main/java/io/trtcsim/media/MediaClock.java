package io.trtcsim.media;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The clock that both the capture side and the render side read, so that a latency is the difference
 * of two readings of one clock.
 *
 * <p>The wall clock may step (NTP) and {@link System#currentTimeMillis()} has only millisecond
 * resolution, so the epoch is read once and time then advances with {@link System#nanoTime()}: the
 * readings are monotonic and have sub-millisecond resolution. Two instances may differ by the small
 * error of their anchors, which is why capture and render must share one instance.
 *
 * <p>Immutable and thread-safe.
 */
public final class MediaClock {

    private static final MediaClock SYSTEM = new MediaClock();

    private final long anchorEpochMicros;
    private final long anchorNanos;
    private final LongSupplier nanoTime;

    /** A clock anchored at the current wall-clock time. */
    public MediaClock() {
        this(epochMicros(Instant.now()), System::nanoTime);
    }

    /** A clock that reads {@code anchorEpochMicros} now and advances with {@code nanoTime}. */
    MediaClock(long anchorEpochMicros, LongSupplier nanoTime) {
        this.anchorEpochMicros = anchorEpochMicros;
        this.nanoTime = nanoTime;
        this.anchorNanos = nanoTime.getAsLong();
    }

    /** The clock shared by everything in this JVM that does not need its own. */
    public static MediaClock system() {
        return SYSTEM;
    }

    /** Current time in epoch microseconds; never smaller than an earlier reading of this instance. */
    public long nowMicros() {
        return anchorEpochMicros + (nanoTime.getAsLong() - anchorNanos) / 1_000L;
    }

    private static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }
}
