package io.trtcsim.simulator.sfu;

import java.util.Optional;

/**
 * The fixed RTP header (RFC 3550 5.1) of a packet, read with every length checked: a packet whose
 * CSRC list, header extension or padding would run past its end is not RTP.
 */
record RtpHeader(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, int headerLength, int payloadLength) {

    static final int FIXED_LENGTH = 12;

    static Optional<RtpHeader> parse(byte[] packet, int offset, int length) {
        return parse(packet, offset, length, true);
    }

    /**
     * The header of a packet still under SRTP: its padding cannot be checked yet, because the
     * authentication tag follows it (RFC 3711 3.1), so the last byte is no padding count.
     */
    static Optional<RtpHeader> parseProtected(byte[] packet, int offset, int length) {
        return parse(packet, offset, length, false);
    }

    private static Optional<RtpHeader> parse(byte[] packet, int offset, int length, boolean checkPadding) {
        // length > packet.length - offset, not offset + length > packet.length: that sum can overflow.
        if (length < FIXED_LENGTH || offset < 0 || length > packet.length - offset) {
            return Optional.empty();
        }
        int first = packet[offset] & 0xFF;
        if (first >> 6 != 2) {
            return Optional.empty();
        }
        boolean padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        int csrcCount = first & 0x0F;
        int second = packet[offset + 1] & 0xFF;
        int headerLength = FIXED_LENGTH + 4 * csrcCount;
        if (extension) {
            if (headerLength + 4 > length) {
                return Optional.empty();
            }
            int words = Bytes.u16(packet, offset + headerLength + 2);
            headerLength += 4 + 4 * words;
        }
        if (headerLength > length) {
            return Optional.empty();
        }
        int payloadLength = length - headerLength;
        if (padding && checkPadding) {
            int padBytes = packet[offset + length - 1] & 0xFF;
            if (padBytes == 0 || padBytes > payloadLength) {
                return Optional.empty();
            }
            payloadLength -= padBytes;
        }
        return Optional.of(new RtpHeader(second & 0x7F, (second & 0x80) != 0, Bytes.u16(packet, offset + 2),
                Bytes.u32(packet, offset + 4), Bytes.u32(packet, offset + 8), headerLength, payloadLength));
    }

    /** RFC 5761 4: with RTP and RTCP on one port, a second byte of 192..223 is RTCP (200..207 in use). */
    static boolean isRtcp(byte[] packet, int offset, int length) {
        if (length < 2) {
            return false;
        }
        int type = packet[offset + 1] & 0xFF;
        return type >= 192 && type <= 223;
    }
}
