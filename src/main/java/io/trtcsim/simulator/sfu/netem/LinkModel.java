package io.trtcsim.simulator.sfu.netem;

import io.trtcsim.network.LinkConditions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * The arithmetic of one emulated link, without threads or clocks of its own: for each datagram,
 * in this order, an outage drops it; loss drops it at random ({@link BurstLoss}); a capacity makes
 * it wait for the datagrams before it (serialisation of size × 8 / kbps each, one after the
 * other) and drops it when {@code queuePackets} datagrams are already in the link; then the delay
 * and its jitter (normal, the total cut at zero) are added. Without reordering no datagram leaves
 * before one admitted earlier. Its state (the burst state, when the link is next free, the last
 * release) outlives a change of conditions, as a real link's queue outlives a change of its rate.
 * Not thread-safe: its {@link NetworkPath} calls it under a lock.
 */
final class LinkModel {

    private final RandomGenerator random;
    private final BurstLoss loss = new BurstLoss();
    /** When each datagram still in the capacity stage finishes its serialisation, oldest first. */
    private final Deque<Long> inLink = new ArrayDeque<>();
    private long linkFreeNanos = Long.MIN_VALUE;
    private long lastReleaseNanos = Long.MIN_VALUE;

    LinkModel(RandomGenerator random) {
        this.random = random;
    }

    Fate admit(LinkConditions conditions, int size, long nowNanos) {
        if (conditions.down()) {
            return Fate.dropped(Fate.Drop.OUTAGE);
        }
        if (loss.lose(conditions.lossPercent(), conditions.averageBurstLossLength(), random)) {
            return Fate.dropped(Fate.Drop.LOSS);
        }
        long departure = nowNanos;
        if (conditions.capacityKbps() > 0) {
            while (!inLink.isEmpty() && inLink.peekFirst() <= nowNanos) {
                inLink.pollFirst();
            }
            if (inLink.size() >= conditions.queuePackets()) {
                return Fate.dropped(Fate.Drop.QUEUE_OVERFLOW);
            }
            long serialisation = size * 8L * 1_000_000L / conditions.capacityKbps();
            departure = Math.max(nowNanos, linkFreeNanos) + serialisation;
            linkFreeNanos = departure;
            inLink.addLast(departure);
        } else {
            inLink.clear();
            linkFreeNanos = Long.MIN_VALUE;
        }
        long release = departure + delayNanos(conditions);
        if (!conditions.reordering()) {
            release = Math.max(release, lastReleaseNanos);
        }
        lastReleaseNanos = Math.max(lastReleaseNanos, release);
        return Fate.releasedAt(release);
    }

    private long delayNanos(LinkConditions conditions) {
        long delay = conditions.delay().toNanos();
        if (conditions.jitter().isZero()) {
            return delay;
        }
        double spread = conditions.jitter().toNanos() * random.nextGaussian();
        return Math.max(0, delay + (long) spread);
    }

    /** Datagrams admitted to the capacity stage that have not finished their serialisation. */
    int inLink(long nowNanos) {
        return (int) inLink.stream().filter(departure -> departure > nowNanos).count();
    }
}
