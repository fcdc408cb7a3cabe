package io.trtcsim.simulator.sfu;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Transport-wide congestion control feedback for one uplink (draft-holmer-rmcat-transport-wide-cc-
 * extensions-01, RTCP RTPFB FMT 15): the arrival time of every packet by its transport-wide
 * sequence number, reported back every few tens of milliseconds, so the publisher's delay-based
 * estimator (GCC) probes and ramps to its profile's bitrate at once and backs off when the uplink
 * is constrained. Only uplinks negotiate it: the numbers belong to one transport.
 * <p>
 * Recorded on the link's receive thread, built on the plane's timer thread; both under this
 * object's monitor, which guards only this arithmetic.
 */
final class TransportFeedback {

    static final int FMT = 15;
    private static final long DELTA_UNIT_MICROS = 250;
    private static final long REFERENCE_UNIT_MICROS = 64_000;
    /** At most this many statuses per feedback packet, so one always fits in a datagram. */
    static final int MAX_STATUSES = 300;
    /** Packets further back than this are not waited for: they are reported lost. */
    private static final int WINDOW = 1000;

    /**
     * A silence this long ends the wait for what did not arrive before it, as libwebrtc's receiver
     * (RemoteEstimatorProxy) keeps arrivals for 500 ms: after an outage the feedback starts again at
     * the first packet that arrived, and the packets sent into the outage are never reported at all
     * — neither received nor lost — so the sender's loss-based estimate does not collapse as if the
     * whole outage had been 100 % loss on a working link.
     */
    static final long BACK_WINDOW_MICROS = 500_000;

    private final TreeMap<Long, Long> arrivals = new TreeMap<>();
    private long lastArrivalMicros = Long.MIN_VALUE;
    private long lastUnwrapped = -1;
    private long nextToReport = -1;
    private int feedbackCount;

    /** Reads the transport-wide sequence number of an RTP packet (header extension with that id). */
    static Optional<Integer> sequenceOf(byte[] packet, RtpHeader header, int extensionId) {
        if (extensionId <= 0 || (packet[0] & 0x10) == 0) {
            return Optional.empty();
        }
        int at = RtpHeader.FIXED_LENGTH + 4 * (packet[0] & 0x0F);
        if (at + 4 > header.headerLength()) {
            return Optional.empty();
        }
        int profile = Bytes.u16(packet, at);
        int end = at + 4 + 4 * Bytes.u16(packet, at + 2);
        int i = at + 4;
        if (profile == 0xBEDE) {
            while (i < end) {
                int id = (packet[i] & 0xFF) >> 4;
                int length = (packet[i] & 0x0F) + 1;
                if (id == 0) {
                    i++;
                    continue;
                }
                if (id == 15) {
                    break;
                }
                if (id == extensionId && length >= 2 && i + 3 <= end) {
                    return Optional.of(Bytes.u16(packet, i + 1));
                }
                i += 1 + length;
            }
        } else if ((profile & 0xFFF0) == 0x1000) {
            while (i + 2 <= end) {
                int id = packet[i] & 0xFF;
                if (id == 0) {
                    i++;
                    continue;
                }
                int length = packet[i + 1] & 0xFF;
                if (id == extensionId && length >= 2 && i + 4 <= end) {
                    return Optional.of(Bytes.u16(packet, i + 2));
                }
                i += 2 + length;
            }
        }
        return Optional.empty();
    }

    synchronized void received(int sequence, long arrivalMicros) {
        long unwrapped;
        if (lastUnwrapped < 0) {
            unwrapped = sequence;
        } else {
            int delta = (short) (sequence - (int) (lastUnwrapped & 0xFFFF));
            unwrapped = lastUnwrapped + delta;
        }
        if (unwrapped < 0) {
            return;
        }
        if (unwrapped > lastUnwrapped) {
            lastUnwrapped = unwrapped;
        }
        if (nextToReport < 0) {
            nextToReport = unwrapped;
        }
        boolean afterSilence = lastArrivalMicros != Long.MIN_VALUE && arrivalMicros - lastArrivalMicros > BACK_WINDOW_MICROS;
        lastArrivalMicros = Math.max(lastArrivalMicros, arrivalMicros);
        if (afterSilence && arrivals.isEmpty() && unwrapped > nextToReport) {
            nextToReport = unwrapped;
        }
        if (unwrapped < nextToReport) {
            return;
        }
        arrivals.putIfAbsent(unwrapped, arrivalMicros);
        while (lastUnwrapped - nextToReport > WINDOW) {
            arrivals.remove(nextToReport);
            nextToReport++;
        }
    }

    /**
     * The feedback for what arrived since the last one, or empty when nothing new did. Sequence
     * numbers in between that did not arrive are reported as not received.
     */
    synchronized Optional<byte[]> build(long senderSsrc, long mediaSsrc) {
        if (arrivals.isEmpty() || nextToReport < 0) {
            return Optional.empty();
        }
        long base = nextToReport;
        long last = Math.min(arrivals.lastKey(), base + MAX_STATUSES - 1);
        int count = (int) (last - base + 1);
        long firstArrival = arrivals.ceilingEntry(base).getValue();
        long reference = Math.floorDiv(firstArrival, REFERENCE_UNIT_MICROS);
        long previous = reference * REFERENCE_UNIT_MICROS;
        int[] symbols = new int[count];
        ByteArrayOutputStream deltas = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            Long arrival = arrivals.get(base + i);
            if (arrival == null) {
                symbols[i] = 0;
                continue;
            }
            long delta = Math.floorDiv(arrival - previous, DELTA_UNIT_MICROS);
            if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
                // Too far apart for one packet: report up to here, the rest in the next one.
                count = i;
                break;
            }
            arrivals.remove(base + i);
            previous += delta * DELTA_UNIT_MICROS;
            if (delta >= 0 && delta <= 255) {
                symbols[i] = 1;
                deltas.write((int) delta);
            } else {
                symbols[i] = 2;
                deltas.write((int) (delta >> 8));
                deltas.write((int) delta);
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        nextToReport = base + count;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        // Status vector chunks with two-bit symbols, seven to a chunk.
        for (int i = 0; i < count; i += 7) {
            int chunk = 0xC000;
            for (int j = 0; j < 7; j++) {
                int symbol = i + j < count ? symbols[i + j] : 0;
                chunk |= symbol << (12 - 2 * j);
            }
            body.write(chunk >> 8);
            body.write(chunk);
        }
        body.writeBytes(deltas.toByteArray());
        while (body.size() % 4 != 0) {
            body.write(0);
        }
        byte[] statuses = body.toByteArray();
        byte[] packet = new byte[20 + statuses.length];
        packet[0] = (byte) (0x80 | FMT);
        packet[1] = (byte) Rtcp.RTPFB;
        Bytes.put16(packet, 2, packet.length / 4 - 1);
        Bytes.put32(packet, 4, senderSsrc);
        Bytes.put32(packet, 8, mediaSsrc);
        Bytes.put16(packet, 12, (int) (base & 0xFFFF));
        Bytes.put16(packet, 14, count);
        Bytes.put32(packet, 16, ((reference & 0xFFFFFF) << 8) | (feedbackCount++ & 0xFF));
        System.arraycopy(statuses, 0, packet, 20, statuses.length);
        return Optional.of(packet);
    }
}
