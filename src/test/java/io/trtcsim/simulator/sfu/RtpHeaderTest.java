package io.trtcsim.simulator.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtpHeaderTest {

    /** An RTP packet built field by field (RFC 3550 5.1, 5.3.1). */
    static byte[] packet(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, long[] csrcs,
                         byte[] extension, int payloadLength, int padding) {
        int extensionLength = extension == null ? 0 : 4 + extension.length;
        byte[] packet = new byte[12 + 4 * csrcs.length + extensionLength + payloadLength + padding];
        packet[0] = (byte) (0x80 | (padding > 0 ? 0x20 : 0) | (extension != null ? 0x10 : 0) | csrcs.length);
        packet[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        Bytes.put16(packet, 2, sequence);
        Bytes.put32(packet, 4, timestamp);
        Bytes.put32(packet, 8, ssrc);
        int at = 12;
        for (long csrc : csrcs) {
            Bytes.put32(packet, at, csrc);
            at += 4;
        }
        if (extension != null) {
            Bytes.put16(packet, at, 0xBEDE);
            Bytes.put16(packet, at + 2, extension.length / 4);
            System.arraycopy(extension, 0, packet, at + 4, extension.length);
            at += 4 + extension.length;
        }
        for (int i = 0; i < payloadLength; i++) {
            packet[at + i] = (byte) (i * 7 + 1);
        }
        if (padding > 0) {
            packet[packet.length - 1] = (byte) padding;
        }
        return packet;
    }

    static byte[] simple(int sequence, long timestamp, long ssrc, int payloadLength) {
        return packet(96, false, sequence, timestamp, ssrc, new long[0], null, payloadLength, 0);
    }

    private static Optional<RtpHeader> parse(byte[] packet) {
        return RtpHeader.parse(packet, 0, packet.length);
    }

    @Test
    void aPlainPacket() {
        RtpHeader header = parse(packet(111, true, 65535, 0xFFFFFFFFL, 0xDEADBEEFL, new long[0], null, 40, 0)).orElseThrow();

        assertThat(header).isEqualTo(new RtpHeader(111, true, 65535, 0xFFFFFFFFL, 0xDEADBEEFL, 12, 40));
    }

    @Test
    void csrcsExtensionAndPadding() {
        byte[] extension = {0x10, 0x55, 0x22, 0x01, 0x02, 0x03, 0, 0};
        byte[] packet = packet(96, false, 4242, 123456789L, 2914369142L, new long[] {1, 2, 3}, extension, 100, 4);

        RtpHeader header = parse(packet).orElseThrow();

        assertThat(header.payloadType()).isEqualTo(96);
        assertThat(header.marker()).isFalse();
        assertThat(header.sequence()).isEqualTo(4242);
        assertThat(header.timestamp()).isEqualTo(123456789L);
        assertThat(header.ssrc()).isEqualTo(2914369142L);
        assertThat(header.headerLength()).isEqualTo(12 + 12 + 4 + 8);
        assertThat(header.payloadLength()).isEqualTo(100);
    }

    @Test
    void fifteenCsrcsAndAnEmptyExtension() {
        long[] csrcs = new long[15];
        Arrays.setAll(csrcs, i -> 1000L + i);
        RtpHeader header = parse(packet(0, false, 1, 2, 3, csrcs, new byte[0], 0, 0)).orElseThrow();

        assertThat(header.headerLength()).isEqualTo(12 + 60 + 4);
        assertThat(header.payloadLength()).isZero();
    }

    @Test
    void paddingThatIsTheWholePayload() {
        RtpHeader header = parse(packet(96, false, 1, 2, 3, new long[0], null, 0, 255)).orElseThrow();

        assertThat(header.payloadLength()).isZero();
    }

    @Test
    void anOffsetIntoALargerBuffer() {
        byte[] packet = packet(96, true, 7, 8, 9, new long[] {5}, null, 10, 0);
        byte[] buffer = new byte[packet.length + 20];
        System.arraycopy(packet, 0, buffer, 13, packet.length);

        assertThat(RtpHeader.parse(buffer, 13, packet.length)).contains(new RtpHeader(96, true, 7, 8, 9, 16, 10));
        assertThat(RtpHeader.parse(buffer, 13, buffer.length)).as("past the buffer").isEmpty();
        assertThat(RtpHeader.parse(buffer, -1, 20)).isEmpty();
    }

    @Test
    void aVersionOtherThanTwoIsNotRtp() {
        for (int version : new int[] {0, 1, 3}) {
            byte[] packet = simple(1, 2, 3, 20);
            packet[0] = (byte) ((version << 6) | (packet[0] & 0x3F));
            assertThat(parse(packet)).as("version %d", version).isEmpty();
        }
    }

    @Test
    void shorterThanTheFixedHeaderIsNotRtp() {
        byte[] packet = simple(1, 2, 3, 0);
        for (int length = 0; length < 12; length++) {
            assertThat(RtpHeader.parse(packet, 0, length)).as("%d bytes", length).isEmpty();
        }
        assertThat(RtpHeader.parse(packet, 0, 12)).isPresent();
    }

    @Test
    void csrcsRunningPastTheEnd() {
        byte[] packet = packet(96, false, 1, 2, 3, new long[] {1, 2}, null, 0, 0);
        assertThat(parse(packet)).isPresent();
        packet[0] = (byte) (0x80 | 3);
        assertThat(parse(packet)).as("3 CSRCs announced, 2 present").isEmpty();
        packet[0] = (byte) (0x80 | 15);
        assertThat(parse(packet)).isEmpty();
    }

    @Test
    void anExtensionRunningPastTheEnd() {
        byte[] packet = packet(96, false, 1, 2, 3, new long[0], new byte[8], 0, 0);
        assertThat(parse(packet)).isPresent();
        Bytes.put16(packet, 14, 3);
        assertThat(parse(packet)).as("3 words announced, 2 present").isEmpty();
        Bytes.put16(packet, 14, 0xFFFF);
        assertThat(parse(packet)).isEmpty();
        assertThat(RtpHeader.parse(packet, 0, 15)).as("the extension header itself cut").isEmpty();
        byte[] flagOnly = simple(1, 2, 3, 0);
        flagOnly[0] |= 0x10;
        assertThat(parse(flagOnly)).as("X set, no room for the extension header").isEmpty();
    }

    @Test
    void paddingRunningPastTheEnd() {
        byte[] packet = packet(96, false, 1, 2, 3, new long[0], null, 10, 2);
        assertThat(parse(packet)).map(RtpHeader::payloadLength).contains(10);
        packet[packet.length - 1] = 13;
        assertThat(parse(packet)).as("13 bytes of padding in a 12-byte payload").isEmpty();
        packet[packet.length - 1] = 0;
        assertThat(parse(packet)).as("a padding count of 0").isEmpty();
        byte[] headerOnly = simple(1, 2, 3, 0);
        headerOnly[0] |= 0x20;
        assertThat(parse(headerOnly)).as("P set, no payload").isEmpty();
    }

    @Test
    void underSrtpThePaddingIsNotChecked() {
        // RFC 3711 3.1: the authentication tag follows the padding, so the last byte is no count.
        byte[] packet = packet(96, false, 1, 2, 3, new long[] {9}, null, 10, 2);
        packet[packet.length - 1] = (byte) 200;

        assertThat(parse(packet)).isEmpty();
        assertThat(RtpHeader.parseProtected(packet, 0, packet.length)).map(RtpHeader::payloadLength).contains(12);
        assertThat(RtpHeader.parseProtected(packet, 0, 15)).as("the CSRC still checked").isEmpty();
        byte[] badVersion = packet.clone();
        badVersion[0] &= 0x3F;
        assertThat(RtpHeader.parseProtected(badVersion, 0, badVersion.length)).isEmpty();
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(11);
        for (int i = 0; i < 20000; i++) {
            byte[] junk = new byte[random.nextInt(40)];
            random.nextBytes(junk);
            if (junk.length > 0) {
                junk[0] = (byte) (0x80 | (junk[0] & 0x3F));
            }
            Optional<RtpHeader> header = parse(junk);
            header.ifPresent(h -> {
                assertThat(h.headerLength()).isBetween(12, junk.length);
                assertThat(h.payloadLength()).isBetween(0, junk.length - h.headerLength());
            });
        }
    }

    @Test
    void rtcpIsToldApartByItsSecondByte() {
        assertThat(RtpHeader.isRtcp(Rtcp.pictureLossIndication(1, 2), 0, 12)).isTrue();
        assertThat(RtpHeader.isRtcp(new byte[] {(byte) 0x80, (byte) 192}, 0, 2)).isTrue();
        assertThat(RtpHeader.isRtcp(new byte[] {(byte) 0x80, (byte) 223}, 0, 2)).isTrue();
        assertThat(RtpHeader.isRtcp(new byte[] {(byte) 0x80, (byte) 224}, 0, 2)).isFalse();
        assertThat(RtpHeader.isRtcp(simple(1, 2, 3, 0), 0, 12)).isFalse();
        byte[] marked = packet(96, true, 1, 2, 3, new long[0], null, 0, 0);
        assertThat(RtpHeader.isRtcp(marked, 0, marked.length)).as("VP8 with the marker bit is 224").isFalse();
        assertThat(RtpHeader.isRtcp(new byte[] {(byte) 0x80}, 0, 1)).isFalse();
    }
}
