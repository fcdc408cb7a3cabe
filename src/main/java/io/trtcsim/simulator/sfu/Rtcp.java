package io.trtcsim.simulator.sfu;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The RTCP the forwarder reads and writes (RFC 3550, 4585, 5104, draft-alvestrand-rmcat-remb): a
 * compound packet split into its parts with every length checked, and the reports and feedback
 * the forwarder sends built from values.
 */
final class Rtcp {

    static final int SR = 200;
    static final int RR = 201;
    static final int RTPFB = 205;
    static final int PSFB = 206;
    static final int FMT_NACK = 1;
    static final int FMT_PLI = 1;
    static final int FMT_FIR = 4;
    static final int FMT_AFB = 15;

    private Rtcp() {
    }

    /** One packet of a compound: its type, its count/format field, and where it lies. */
    record Part(int type, int format, byte[] data, int offset, int length) {

        long senderSsrc() {
            return length >= 8 ? Bytes.u32(data, offset + 4) : -1;
        }

        long mediaSsrc() {
            return length >= 12 ? Bytes.u32(data, offset + 8) : -1;
        }
    }

    /** The parts of a compound packet; empty when any length is inconsistent (then none is trusted). */
    static List<Part> parts(byte[] data, int offset, int length) {
        List<Part> parts = new ArrayList<>();
        int at = offset;
        int end = offset + length;
        if (offset < 0 || end > data.length) {
            return List.of();
        }
        while (at < end) {
            if (end - at < 4 || ((data[at] & 0xFF) >> 6) != 2) {
                return List.of();
            }
            int size = (Bytes.u16(data, at + 2) + 1) * 4;
            if (at + size > end) {
                return List.of();
            }
            parts.add(new Part(data[at + 1] & 0xFF, data[at] & 0x1F, data, at, size));
            at += size;
        }
        return parts;
    }

    /** A report block of an RR or SR: what a receiver says of one SSRC. */
    record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long highestSequence, long jitter,
                       long lastSenderReport, long delaySinceLastSenderReport) {
    }

    static List<ReportBlock> reportBlocks(Part part) {
        int first = part.type() == SR ? 28 : part.type() == RR ? 8 : -1;
        List<ReportBlock> blocks = new ArrayList<>();
        if (first < 0) {
            return blocks;
        }
        for (int i = 0; i < part.format(); i++) {
            int at = part.offset() + first + 24 * i;
            if (at + 24 > part.offset() + part.length()) {
                break;
            }
            byte[] d = part.data();
            int lost = ((d[at + 5] & 0xFF) << 16) | ((d[at + 6] & 0xFF) << 8) | (d[at + 7] & 0xFF);
            if ((lost & 0x800000) != 0) {
                lost |= 0xFF000000;
            }
            blocks.add(new ReportBlock(Bytes.u32(d, at), d[at + 4] & 0xFF, lost, Bytes.u32(d, at + 8),
                    Bytes.u32(d, at + 12), Bytes.u32(d, at + 16), Bytes.u32(d, at + 20)));
        }
        return blocks;
    }

    /** The middle 32 bits of an SR's NTP timestamp: what receivers echo as LSR. */
    static long senderReportNtpMiddle(Part part) {
        if (part.type() != SR || part.length() < 28) {
            return -1;
        }
        return ((Bytes.u32(part.data(), part.offset() + 8) & 0xFFFF) << 16) | (Bytes.u32(part.data(), part.offset() + 12) >>> 16);
    }

    /** The sequence numbers a generic NACK asks for (PID and the bitmask of the 16 after it). */
    static List<Integer> nackedSequences(Part part) {
        List<Integer> sequences = new ArrayList<>();
        if (part.type() != RTPFB || part.format() != FMT_NACK) {
            return sequences;
        }
        for (int at = part.offset() + 12; at + 4 <= part.offset() + part.length(); at += 4) {
            int pid = Bytes.u16(part.data(), at);
            int mask = Bytes.u16(part.data(), at + 2);
            sequences.add(pid);
            for (int bit = 0; bit < 16; bit++) {
                if ((mask & (1 << bit)) != 0) {
                    sequences.add((pid + bit + 1) & 0xFFFF);
                }
            }
        }
        return sequences;
    }

    /** The media SSRCs a FIR asks key frames of (its FCI entries). */
    static List<Long> firSsrcs(Part part) {
        List<Long> ssrcs = new ArrayList<>();
        for (int at = part.offset() + 12; at + 8 <= part.offset() + part.length(); at += 8) {
            ssrcs.add(Bytes.u32(part.data(), at));
        }
        return ssrcs;
    }

    /** The bitrate of a REMB, or -1 when the part is not one. */
    static long rembBitrate(Part part) {
        if (part.type() != PSFB || part.format() != FMT_AFB || part.length() < 20) {
            return -1;
        }
        byte[] d = part.data();
        int at = part.offset() + 12;
        if (d[at] != 'R' || d[at + 1] != 'E' || d[at + 2] != 'M' || d[at + 3] != 'B') {
            return -1;
        }
        int exponent = (d[at + 5] & 0xFF) >> 2;
        long mantissa = ((long) (d[at + 5] & 0x03) << 16) | ((d[at + 6] & 0xFF) << 8) | (d[at + 7] & 0xFF);
        return exponent > 40 ? Long.MAX_VALUE : mantissa << exponent;
    }

    static byte[] receiverReport(long senderSsrc, List<ReportBlock> blocks) {
        int count = Math.min(31, blocks.size());
        byte[] packet = new byte[8 + 24 * count];
        header(packet, count, RR);
        Bytes.put32(packet, 4, senderSsrc);
        for (int i = 0; i < count; i++) {
            ReportBlock block = blocks.get(i);
            int at = 8 + 24 * i;
            Bytes.put32(packet, at, block.ssrc());
            int lost = Math.max(-0x800000, Math.min(0x7FFFFF, block.cumulativeLost()));
            Bytes.put32(packet, at + 4, ((long) (block.fractionLost() & 0xFF) << 24) | (lost & 0xFFFFFF));
            Bytes.put32(packet, at + 8, block.highestSequence());
            Bytes.put32(packet, at + 12, block.jitter());
            Bytes.put32(packet, at + 16, block.lastSenderReport());
            Bytes.put32(packet, at + 20, block.delaySinceLastSenderReport());
        }
        return packet;
    }

    static byte[] remb(long senderSsrc, long bitrate, List<Long> ssrcs) {
        int exponent = 0;
        long mantissa = Math.max(0, bitrate);
        while (mantissa > 0x3FFFF) {
            mantissa >>= 1;
            exponent++;
        }
        byte[] packet = new byte[20 + 4 * ssrcs.size()];
        header(packet, FMT_AFB, PSFB);
        Bytes.put32(packet, 4, senderSsrc);
        Bytes.put32(packet, 8, 0);
        packet[12] = 'R';
        packet[13] = 'E';
        packet[14] = 'M';
        packet[15] = 'B';
        packet[16] = (byte) ssrcs.size();
        packet[17] = (byte) ((exponent << 2) | (int) (mantissa >> 16));
        packet[18] = (byte) (mantissa >> 8);
        packet[19] = (byte) mantissa;
        for (int i = 0; i < ssrcs.size(); i++) {
            Bytes.put32(packet, 20 + 4 * i, ssrcs.get(i));
        }
        return packet;
    }

    static byte[] pictureLossIndication(long senderSsrc, long mediaSsrc) {
        byte[] packet = new byte[12];
        header(packet, FMT_PLI, PSFB);
        Bytes.put32(packet, 4, senderSsrc);
        Bytes.put32(packet, 8, mediaSsrc);
        return packet;
    }

    static byte[] nack(long senderSsrc, long mediaSsrc, Iterable<Integer> sequences) {
        TreeSet<Integer> sorted = new TreeSet<>();
        sequences.forEach(sorted::add);
        ByteArrayOutputStream fci = new ByteArrayOutputStream();
        List<Integer> pending = new ArrayList<>(sorted);
        // Sequence numbers may wrap: group each one with the 16 that follow it, modulo 2^16.
        while (!pending.isEmpty()) {
            int pid = pending.remove(0);
            int mask = 0;
            for (int i = pending.size() - 1; i >= 0; i--) {
                int distance = (pending.get(i) - pid) & 0xFFFF;
                if (distance >= 1 && distance <= 16) {
                    mask |= 1 << (distance - 1);
                    pending.remove(i);
                }
            }
            fci.write(pid >> 8);
            fci.write(pid);
            fci.write(mask >> 8);
            fci.write(mask);
        }
        byte[] entries = fci.toByteArray();
        byte[] packet = new byte[12 + entries.length];
        header(packet, FMT_NACK, RTPFB);
        Bytes.put32(packet, 4, senderSsrc);
        Bytes.put32(packet, 8, mediaSsrc);
        System.arraycopy(entries, 0, packet, 12, entries.length);
        return packet;
    }

    static byte[] compound(byte[]... packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] packet : packets) {
            out.writeBytes(packet);
        }
        return out.toByteArray();
    }

    private static void header(byte[] packet, int countOrFormat, int type) {
        packet[0] = (byte) (0x80 | (countOrFormat & 0x1F));
        packet[1] = (byte) type;
        Bytes.put16(packet, 2, packet.length / 4 - 1);
    }
}
