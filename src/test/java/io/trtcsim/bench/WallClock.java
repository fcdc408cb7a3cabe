package io.trtcsim.bench;

import java.time.Instant;

/**
 * Turns instants of the wall clock (the simulator's log lines) into {@link System#nanoTime()}
 * readings (the SDK's journals), by the offset between the two clocks read side by side: of a few
 * tries, the pair read closest together, so the mapping is off by microseconds, not milliseconds.
 */
final class WallClock {

    private static final int TRIES = 20;

    private final long wallMinusMonotonicNanos;

    private WallClock(long wallMinusMonotonicNanos) {
        this.wallMinusMonotonicNanos = wallMinusMonotonicNanos;
    }

    static WallClock calibrate() {
        long bestGap = Long.MAX_VALUE;
        long bestOffset = 0;
        for (int i = 0; i < TRIES; i++) {
            long before = System.nanoTime();
            Instant wall = Instant.now();
            long after = System.nanoTime();
            if (after - before < bestGap) {
                bestGap = after - before;
                bestOffset = epochNanos(wall) - (before + (after - before) / 2);
            }
        }
        return new WallClock(bestOffset);
    }

    long monotonicNanosOf(Instant wall) {
        return epochNanos(wall) - wallMinusMonotonicNanos;
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
