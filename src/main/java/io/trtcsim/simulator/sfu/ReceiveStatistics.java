package io.trtcsim.simulator.sfu;

import java.util.Optional;

/**
 * What a receiver knows of one SSRC (RFC 3550 A.1, A.3, A.8): extended highest sequence number,
 * packets expected and received, loss since the last report, interarrival jitter, and the last
 * sender report, from which a report block is made. Updated by the link's receive thread only;
 * read by the report timer under the same monitor.
 */
final class ReceiveStatistics {

    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;

    private final long ssrc;
    private final int clockRate;
    private boolean started;
    private int baseSequence;
    private int maxSequence;
    private long cycles;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private double jitter;
    private long lastTransit;
    private boolean haveTransit;
    private long lastSenderReport;
    private long lastSenderReportArrivalNanos;
    /** RFC 3550 A.1: after a jump, the sequence number that would confirm the sender restarted. */
    private int badSequence = -1;
    /** Sequence numbers skipped just before the latest packet. */
    private long lastSkipped;

    ReceiveStatistics(long ssrc, int clockRate) {
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /**
     * Counts a packet; returns the sequence numbers skipped before it (a gap: lost or late), so
     * the forwarder can NACK them. Duplicates and late packets count as received.
     */
    synchronized int[] received(int sequence, long rtpTimestamp, long arrivalNanos) {
        received++;
        lastSkipped = 0;
        int[] missing = new int[0];
        if (!started) {
            started = true;
            baseSequence = sequence;
            maxSequence = sequence;
        } else {
            int delta = (sequence - maxSequence) & 0xFFFF;
            if (delta > 0 && delta < MAX_DROPOUT) {
                if (sequence < maxSequence) {
                    cycles += 1 << 16;
                }
                lastSkipped = delta - 1;
                int gap = Math.min(delta - 1, 64);
                missing = new int[gap];
                for (int i = 0; i < gap; i++) {
                    missing[i] = (maxSequence + 1 + i) & 0xFFFF;
                }
                maxSequence = sequence;
                badSequence = -1;
            } else if (delta >= MAX_DROPOUT && delta <= 0x10000 - MAX_MISORDER) {
                // A big jump: two packets in a row from the new place mean the sender restarted
                // its numbering (RFC 3550 A.1), and counting starts again from there.
                if (sequence == badSequence) {
                    baseSequence = sequence;
                    maxSequence = sequence;
                    cycles = 0;
                    received = 1;
                    expectedPrior = 0;
                    receivedPrior = 0;
                    badSequence = -1;
                } else {
                    badSequence = (sequence + 1) & 0xFFFF;
                    received--;
                }
            }
        }
        if (clockRate > 0) {
            long arrival = arrivalNanos * clockRate / 1_000_000_000L;
            long transit = arrival - rtpTimestamp;
            if (haveTransit) {
                long d = Math.abs(transit - lastTransit);
                if (d < (long) clockRate * 10) {
                    jitter += (d - jitter) / 16.0;
                }
            }
            lastTransit = transit;
            haveTransit = true;
        }
        return missing;
    }

    /**
     * Leaves the packets skipped before the latest one out of the current interval's loss fraction
     * (they stay in the cumulative count): a gap after a silence is an outage, not a lossy link.
     */
    synchronized void excludeLastGapFromInterval() {
        expectedPrior += lastSkipped;
    }

    synchronized void senderReport(long ntpMiddle, long arrivalNanos) {
        lastSenderReport = ntpMiddle;
        lastSenderReportArrivalNanos = arrivalNanos;
    }

    synchronized long cumulativeLost() {
        return started ? expected() - received : 0;
    }

    synchronized long packetsReceived() {
        return received;
    }

    private long expected() {
        return cycles + maxSequence - baseSequence + 1;
    }

    /** The report block for now; also starts the next report interval. Empty before any packet. */
    synchronized Optional<Rtcp.ReportBlock> report(long nowNanos) {
        if (!started) {
            return Optional.empty();
        }
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long delay = lastSenderReportArrivalNanos == 0 ? 0
                : (nowNanos - lastSenderReportArrivalNanos) * 65536 / 1_000_000_000L;
        return Optional.of(new Rtcp.ReportBlock(ssrc, Math.min(255, fraction), (int) (expected - received),
                (cycles + maxSequence) & 0xFFFFFFFFL, (long) jitter, lastSenderReport, lastSenderReport == 0 ? 0 : delay));
    }

    synchronized double jitterMillis() {
        return clockRate > 0 ? jitter * 1000.0 / clockRate : 0;
    }
}
