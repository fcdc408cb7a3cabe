package io.trtcsim.simulator.sfu.netem;

import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * A loss on one subscriber's copy of one stream (TRTC's "the stream of alice to bob loses 20 %"),
 * on top of the subscriber's own downlink: every datagram its downlink transport sends is dropped
 * with that probability, as a kernel rule on that port did before. Independent losses only.
 */
public final class StreamLoss {

    private final RandomGenerator random;
    private final AtomicLong lost = new AtomicLong();
    private volatile double percent;

    StreamLoss(RandomGenerator random) {
        this.random = random;
    }

    public double percent() {
        return percent;
    }

    void percent(double newPercent) {
        if (!(newPercent >= 0 && newPercent <= 100)) {
            throw new IllegalArgumentException("a packet loss of " + newPercent + "% is not between 0 and 100");
        }
        percent = newPercent;
    }

    /** True when this datagram is to be lost; one volatile read when there is no loss. */
    public boolean drops() {
        double share = percent / 100;
        if (share <= 0) {
            return false;
        }
        boolean drop;
        // Senders of one transport run on several threads; the generator is not thread-safe.
        synchronized (random) {
            drop = random.nextDouble() < share;
        }
        if (drop) {
            lost.incrementAndGet();
        }
        return drop;
    }

    public long lost() {
        return lost.get();
    }
}
