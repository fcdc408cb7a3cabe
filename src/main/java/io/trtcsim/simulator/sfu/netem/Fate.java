package io.trtcsim.simulator.sfu.netem;

/**
 * What a path decided for one datagram: dropped (and why) or released at a time.
 *
 * @param drop         why it was dropped, or null when it passes
 * @param releaseNanos when it leaves the path (on the path's clock), when it passes
 */
record Fate(Drop drop, long releaseNanos) {

    /** Why a path dropped a datagram. */
    enum Drop {
        /** The link is down. */
        OUTAGE,
        /** Random (or bursty) loss. */
        LOSS,
        /** The capacity queue was full (tail drop). */
        QUEUE_OVERFLOW
    }

    static Fate dropped(Drop why) {
        return new Fate(why, 0);
    }

    static Fate releasedAt(long nanos) {
        return new Fate(null, nanos);
    }

    boolean passes() {
        return drop == null;
    }
}
