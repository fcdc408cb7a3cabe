package io.trtcsim.network;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one direction of a participant's network does to its packets, in the terms of libwebrtc's
 * emulated network (BuiltInNetworkBehaviorConfig), which WebRTC testers know: a share lost (at
 * random, or in bursts of a mean length), a delay added with a spread (jitter, as a standard
 * deviation), packets kept in order unless reordering is allowed, a link capacity with a queue of
 * bounded length (what does not fit is dropped), and an outage in which nothing passes.
 * Immutable; {@link #NONE} passes everything untouched.
 *
 * @param lossPercent            share of packets lost, 0–100
 * @param averageBurstLossLength mean number of packets lost in a row; 1 means each loss is independent
 * @param delay                  added to every packet
 * @param jitter                 standard deviation of the added delay (normal, cut at zero)
 * @param reordering             whether a packet may overtake an earlier one when jitter lets it
 * @param capacityKbps           link capacity in kbit/s; 0 for no limit
 * @param queuePackets           packets that may wait for the link when it is full; more are dropped
 * @param down                   an outage: nothing passes
 */
public record LinkConditions(double lossPercent, double averageBurstLossLength, Duration delay, Duration jitter,
        boolean reordering, int capacityKbps, int queuePackets, boolean down) {

    /** Queue length of a capped link when none is given: about a second of video at 300 kbit/s. */
    public static final int DEFAULT_QUEUE_PACKETS = 30;
    /** Longer delays are surely typing mistakes (a minute), and would hold packets for ever. */
    static final Duration MAX_DELAY = Duration.ofSeconds(60);

    public static final LinkConditions NONE = new LinkConditions(0, 1, Duration.ZERO, Duration.ZERO, false, 0,
            DEFAULT_QUEUE_PACKETS, false);

    public LinkConditions {
        if (!(lossPercent >= 0 && lossPercent <= 100)) {
            throw new IllegalArgumentException("a packet loss of " + lossPercent + "% is not between 0 and 100");
        }
        if (!(averageBurstLossLength >= 1)) {
            throw new IllegalArgumentException("a mean loss burst of " + averageBurstLossLength
                    + " packets is less than 1 (1 means independent losses)");
        }
        requireDuration("delay", delay);
        requireDuration("jitter", jitter);
        if (capacityKbps < 0) {
            throw new IllegalArgumentException("a link capacity of " + capacityKbps + " kbps is negative (0 means no limit)");
        }
        if (queuePackets < 1) {
            throw new IllegalArgumentException("a queue of " + queuePackets + " packets is less than 1");
        }
    }

    private static void requireDuration(String what, Duration value) {
        if (value == null) {
            throw new IllegalArgumentException("a " + what + " must be given (0 ms for none)");
        }
        if (value.isNegative()) {
            throw new IllegalArgumentException("a " + what + " of " + value.toMillis() + " ms is negative");
        }
        if (value.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("a " + what + " of " + value.toMillis() + " ms is more than "
                    + MAX_DELAY.toMillis() + " ms");
        }
    }

    public LinkConditions withLoss(double percent) {
        return new LinkConditions(percent, averageBurstLossLength, delay, jitter, reordering, capacityKbps, queuePackets, down);
    }

    public LinkConditions withLoss(double percent, double meanBurst) {
        return new LinkConditions(percent, meanBurst, delay, jitter, reordering, capacityKbps, queuePackets, down);
    }

    public LinkConditions withDelay(Duration added) {
        return new LinkConditions(lossPercent, averageBurstLossLength, added, jitter, reordering, capacityKbps, queuePackets, down);
    }

    public LinkConditions withJitter(Duration spread, boolean reorder) {
        return new LinkConditions(lossPercent, averageBurstLossLength, delay, spread, reorder, capacityKbps, queuePackets, down);
    }

    public LinkConditions withCapacity(int kbps, int queue) {
        return new LinkConditions(lossPercent, averageBurstLossLength, delay, jitter, reordering, kbps, queue, down);
    }

    public LinkConditions withCapacity(int kbps) {
        return withCapacity(kbps, queuePackets);
    }

    public LinkConditions withDown(boolean outage) {
        return new LinkConditions(lossPercent, averageBurstLossLength, delay, jitter, reordering, capacityKbps, queuePackets, outage);
    }

    /** True when packets pass untouched. */
    public boolean isNone() {
        return equals(NONE) || (lossPercent == 0 && delay.isZero() && jitter.isZero() && capacityKbps == 0 && !down);
    }

    private static final Set<String> WIRE_FIELDS = Set.of("lossPercent", "averageBurstLossLength", "delayMs", "jitterMs",
            "reordering", "capacityKbps", "queuePackets", "down");

    /** The JSON object of the simulator's admin API (docs/simulator-protocol.md), every field present. */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("lossPercent", lossPercent);
        wire.put("averageBurstLossLength", averageBurstLossLength);
        wire.put("delayMs", delay.toMillis());
        wire.put("jitterMs", jitter.toMillis());
        wire.put("reordering", reordering);
        wire.put("capacityKbps", capacityKbps);
        wire.put("queuePackets", queuePackets);
        wire.put("down", down);
        return wire;
    }

    /**
     * Reads {@link #toWire}'s form; a missing field keeps its value from {@link #NONE}, an unknown
     * one or a value of the wrong type is refused with a message naming it.
     */
    public static LinkConditions fromWire(Map<String, ?> wire) {
        for (String field : wire.keySet()) {
            if (!WIRE_FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown network condition '" + field + "'; known: "
                        + String.join(", ", new TreeSet<>(WIRE_FIELDS)));
            }
        }
        return new LinkConditions(number(wire, "lossPercent", 0), number(wire, "averageBurstLossLength", 1),
                Duration.ofMillis((long) number(wire, "delayMs", 0)), Duration.ofMillis((long) number(wire, "jitterMs", 0)),
                flag(wire, "reordering"), (int) number(wire, "capacityKbps", 0),
                (int) number(wire, "queuePackets", DEFAULT_QUEUE_PACKETS), flag(wire, "down"));
    }

    private static double number(Map<String, ?> wire, String field, double absent) {
        Object value = wire.get(field);
        if (value == null) {
            return absent;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException("network condition '" + field + "' must be a number, not " + value);
    }

    private static boolean flag(Map<String, ?> wire, String field) {
        Object value = wire.get(field);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw new IllegalArgumentException("network condition '" + field + "' must be true or false, not " + value);
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "no conditions";
        }
        StringBuilder text = new StringBuilder();
        if (down) {
            text.append("down, ");
        }
        if (lossPercent > 0) {
            text.append(lossPercent).append("% loss");
            if (averageBurstLossLength > 1) {
                text.append(" in bursts of ").append(averageBurstLossLength);
            }
            text.append(", ");
        }
        if (!delay.isZero()) {
            text.append(delay.toMillis()).append(" ms delay, ");
        }
        if (!jitter.isZero()) {
            text.append(jitter.toMillis()).append(" ms jitter").append(reordering ? " with reordering" : "").append(", ");
        }
        if (capacityKbps > 0) {
            text.append(capacityKbps).append(" kbps (queue ").append(queuePackets).append(" packets), ");
        }
        return text.substring(0, text.length() - 2);
    }
}
