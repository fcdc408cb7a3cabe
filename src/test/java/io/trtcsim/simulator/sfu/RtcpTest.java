package io.trtcsim.simulator.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RtcpTest {

    /** A sender report (RFC 3550 6.4.1) with one report block, built field by field. */
    static byte[] senderReport(long ssrc, long ntpSeconds, long ntpFraction, long rtpTimestamp, long reportedSsrc) {
        byte[] packet = new byte[28 + 24];
        packet[0] = (byte) 0x81;
        packet[1] = (byte) Rtcp.SR;
        Bytes.put16(packet, 2, packet.length / 4 - 1);
        Bytes.put32(packet, 4, ssrc);
        Bytes.put32(packet, 8, ntpSeconds);
        Bytes.put32(packet, 12, ntpFraction);
        Bytes.put32(packet, 16, rtpTimestamp);
        Bytes.put32(packet, 20, 1234);
        Bytes.put32(packet, 24, 567890);
        Bytes.put32(packet, 28, reportedSsrc);
        Bytes.put32(packet, 32, (0x40L << 24) | 17);
        Bytes.put32(packet, 36, 70000);
        Bytes.put32(packet, 40, 321);
        Bytes.put32(packet, 44, 0xAABBCCDDL);
        Bytes.put32(packet, 48, 65536);
        return packet;
    }

    /** An SDES with one CNAME chunk (RFC 3550 6.5), padded to a word. */
    static byte[] sdes(long ssrc, String cname) {
        int chunk = 4 + 2 + cname.length() + 1;
        int padded = (chunk + 3) / 4 * 4;
        byte[] packet = new byte[4 + padded];
        packet[0] = (byte) 0x81;
        packet[1] = (byte) 202;
        Bytes.put16(packet, 2, packet.length / 4 - 1);
        Bytes.put32(packet, 4, ssrc);
        packet[8] = 1;
        packet[9] = (byte) cname.length();
        for (int i = 0; i < cname.length(); i++) {
            packet[10 + i] = (byte) cname.charAt(i);
        }
        return packet;
    }

    private static Rtcp.Part only(byte[] packet) {
        List<Rtcp.Part> parts = Rtcp.parts(packet, 0, packet.length);
        assertThat(parts).hasSize(1);
        return parts.get(0);
    }

    @Test
    void theNtpTestVectorsAreWhatTheyClaim() {
        byte[] sr = senderReport(0x11223344L, 0xE1234567L, 0x89ABCDEFL, 90000, 0x55667788L);
        assertThat(Bytes.u32(sr, 8)).isEqualTo(0xE1234567L);
        assertThat(sr.length % 4).isZero();
    }

    @Test
    void theCompoundOfSenderReportAndSdesSplits() {
        byte[] sr = senderReport(0x11223344L, 0xE1234567L, 0x89ABCDEFL, 90000, 0x55667788L);
        byte[] sdes = sdes(0x11223344L, "m8fGcQ0Yx+RvA1ZT");
        byte[] compound = Rtcp.compound(sr, sdes);

        List<Rtcp.Part> parts = Rtcp.parts(compound, 0, compound.length);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).type()).isEqualTo(Rtcp.SR);
        assertThat(parts.get(0).format()).isEqualTo(1);
        assertThat(parts.get(0).offset()).isZero();
        assertThat(parts.get(0).length()).isEqualTo(sr.length);
        assertThat(parts.get(0).senderSsrc()).isEqualTo(0x11223344L);
        assertThat(parts.get(1).type()).isEqualTo(202);
        assertThat(parts.get(1).offset()).isEqualTo(sr.length);
        assertThat(parts.get(1).length()).isEqualTo(sdes.length);
        assertThat(parts.get(1).senderSsrc()).isEqualTo(0x11223344L);
        assertThat(Rtcp.senderReportNtpMiddle(parts.get(0))).isEqualTo(0x456789ABL);
        assertThat(Rtcp.senderReportNtpMiddle(parts.get(1))).as("not an SR").isEqualTo(-1);
    }

    @Test
    void theReportBlockOfASenderReport() {
        Rtcp.Part sr = only(senderReport(1, 2, 3, 4, 0x55667788L));

        assertThat(Rtcp.reportBlocks(sr)).containsExactly(
                new Rtcp.ReportBlock(0x55667788L, 0x40, 17, 70000, 321, 0xAABBCCDDL, 65536));
    }

    @Test
    void aCompoundAtAnOffset() {
        byte[] compound = Rtcp.compound(Rtcp.pictureLossIndication(1, 2), Rtcp.pictureLossIndication(3, 4));
        byte[] buffer = new byte[compound.length + 10];
        System.arraycopy(compound, 0, buffer, 6, compound.length);

        List<Rtcp.Part> parts = Rtcp.parts(buffer, 6, compound.length);

        assertThat(parts).extracting(Rtcp.Part::mediaSsrc).containsExactly(2L, 4L);
        assertThat(Rtcp.parts(buffer, 6, buffer.length)).as("past the buffer").isEmpty();
        assertThat(Rtcp.parts(buffer, -1, 4)).isEmpty();
    }

    @Test
    void inconsistentLengthsYieldNoPartsAtAll() {
        byte[] compound = Rtcp.compound(senderReport(1, 2, 3, 4, 5), sdes(1, "cname"));
        assertThat(Rtcp.parts(compound, 0, compound.length)).hasSize(2);

        byte[] tooLong = compound.clone();
        Bytes.put16(tooLong, 2 + 52, Bytes.u16(tooLong, 2 + 52) + 1);
        assertThat(Rtcp.parts(tooLong, 0, tooLong.length)).as("the second part's length past the end").isEmpty();

        byte[] firstTooLong = compound.clone();
        Bytes.put16(firstTooLong, 2, 0xFFFF);
        assertThat(Rtcp.parts(firstTooLong, 0, firstTooLong.length)).isEmpty();

        byte[] firstTooShort = compound.clone();
        Bytes.put16(firstTooShort, 2, 1);
        assertThat(Rtcp.parts(firstTooShort, 0, firstTooShort.length)).as("leads into the SR's middle").isEmpty();

        assertThat(Rtcp.parts(compound, 0, compound.length - 4)).as("truncated by a word").isEmpty();
        assertThat(Rtcp.parts(compound, 0, compound.length - 1)).as("truncated by a byte").isEmpty();
        assertThat(Rtcp.parts(Rtcp.compound(compound, new byte[] {(byte) 0x80, (byte) 200}), 0, compound.length + 2))
                .as("a trailing half header").isEmpty();

        byte[] badVersion = compound.clone();
        badVersion[52] = (byte) 0x41;
        assertThat(Rtcp.parts(badVersion, 0, badVersion.length)).as("version 1 in the second part").isEmpty();
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(5);
        for (int i = 0; i < 20000; i++) {
            byte[] junk = new byte[random.nextInt(64)];
            random.nextBytes(junk);
            if (junk.length > 0) {
                junk[0] = (byte) (0x80 | (junk[0] & 0x3F));
            }
            if (junk.length > 3) {
                junk[2] = 0;
            }
            for (Rtcp.Part part : Rtcp.parts(junk, 0, junk.length)) {
                assertThat(part.offset() + part.length()).isLessThanOrEqualTo(junk.length);
                Rtcp.reportBlocks(part);
                Rtcp.nackedSequences(part);
                Rtcp.firSsrcs(part);
                Rtcp.rembBitrate(part);
                Rtcp.senderReportNtpMiddle(part);
            }
        }
    }

    @Test
    void receiverReportRoundTrip() {
        List<Rtcp.ReportBlock> blocks = List.of(
                new Rtcp.ReportBlock(0xDEADBEEFL, 255, 0x7FFFFF, 0xFFFFFFFFL, 0xFFFFFFFFL, 0x12345678L, 0x9ABCDEF0L),
                new Rtcp.ReportBlock(2, 0, 0, 0, 0, 0, 0),
                new Rtcp.ReportBlock(3, 12, -1, 65536 + 17, 99, 1, 2),
                new Rtcp.ReportBlock(4, 1, -0x800000, 5, 6, 7, 8));

        byte[] rr = Rtcp.receiverReport(0xCAFEBABEL, blocks);

        assertThat(rr.length).isEqualTo(8 + 24 * 4);
        assertThat(rr[0] & 0xFF).isEqualTo(0x80 | 4);
        Rtcp.Part part = only(rr);
        assertThat(part.type()).isEqualTo(Rtcp.RR);
        assertThat(part.senderSsrc()).isEqualTo(0xCAFEBABEL);
        assertThat(Rtcp.reportBlocks(part)).containsExactlyElementsOf(blocks);
    }

    @Test
    void cumulativeLossBeyondTwentyFourBitsIsClamped() {
        byte[] rr = Rtcp.receiverReport(1, List.of(new Rtcp.ReportBlock(1, 0, 10_000_000, 0, 0, 0, 0),
                new Rtcp.ReportBlock(2, 0, -10_000_000, 0, 0, 0, 0)));

        assertThat(Rtcp.reportBlocks(only(rr))).extracting(Rtcp.ReportBlock::cumulativeLost)
                .containsExactly(0x7FFFFF, -0x800000);
    }

    @Test
    void aReceiverReportHoldsAtMost31Blocks() {
        List<Rtcp.ReportBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            blocks.add(new Rtcp.ReportBlock(i, 0, i, 0, 0, 0, 0));
        }
        Rtcp.Part part = only(Rtcp.receiverReport(9, blocks));

        assertThat(part.format()).isEqualTo(31);
        assertThat(Rtcp.reportBlocks(part)).containsExactlyElementsOf(blocks.subList(0, 31));
        assertThat(Rtcp.reportBlocks(only(Rtcp.receiverReport(9, List.of())))).isEmpty();
    }

    @Test
    void reportBlocksBeyondThePartAreNotRead() {
        byte[] rr = Rtcp.receiverReport(9, List.of(new Rtcp.ReportBlock(1, 2, 3, 4, 5, 6, 7)));
        rr[0] = (byte) (0x80 | 5);

        assertThat(Rtcp.reportBlocks(only(rr))).hasSize(1);
    }

    @Test
    void nackRoundTrip() {
        List<Integer> sequences = List.of(100, 101, 103, 116, 117, 200);
        Rtcp.Part part = only(Rtcp.nack(0x0A0B0C0DL, 0x01020304L, sequences));

        assertThat(part.type()).isEqualTo(Rtcp.RTPFB);
        assertThat(part.format()).isEqualTo(Rtcp.FMT_NACK);
        assertThat(part.senderSsrc()).isEqualTo(0x0A0B0C0DL);
        assertThat(part.mediaSsrc()).isEqualTo(0x01020304L);
        assertThat(part.length()).as("100 with 101..116, 117, 200").isEqualTo(12 + 3 * 4);
        assertThat(Rtcp.nackedSequences(part)).containsExactlyInAnyOrderElementsOf(sequences);
    }

    @Test
    void nackAcrossTheWrapAround() {
        List<Integer> sequences = List.of(65533, 65534, 65535, 0, 1, 2);

        List<Integer> nacked = Rtcp.nackedSequences(only(Rtcp.nack(1, 2, sequences)));

        assertThat(nacked).containsExactlyInAnyOrderElementsOf(sequences);
        assertThat(nacked).allMatch(sequence -> sequence >= 0 && sequence <= 65535);
    }

    @Test
    void aPidAndItsBitmaskWrapAround() {
        // one FCI entry: PID 65530, bits for 65531, 65535, 0 and 10 (distance 16)
        byte[] nack = Rtcp.nack(1, 2, List.of(65530));
        Bytes.put16(nack, 14, 0b1000_0000_0011_0001);

        assertThat(Rtcp.nackedSequences(only(nack))).containsExactly(65530, 65531, 65535, 0, 10);
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 18, 33, 100, 1000})
    void moreThanSeventeenSequences(int count) {
        List<Integer> sequences = IntStream.range(0, count).map(i -> (65000 + 3 * i) & 0xFFFF).boxed().toList();

        Rtcp.Part part = only(Rtcp.nack(1, 2, sequences));

        assertThat(Rtcp.nackedSequences(part)).containsExactlyInAnyOrderElementsOf(sequences);
        assertThat((part.length() - 12) / 4).as("FCI entries").isLessThanOrEqualTo(count);
    }

    @Test
    void contiguousSequencesTakeOneEntryPerSeventeen() {
        List<Integer> sequences = IntStream.range(1000, 1000 + 34).boxed().toList();

        Rtcp.Part part = only(Rtcp.nack(1, 2, sequences));

        assertThat((part.length() - 12) / 4).isEqualTo(2);
        assertThat(Rtcp.nackedSequences(part)).containsExactlyElementsOf(sequences);
    }

    @Test
    void duplicatesAreNackedOnce() {
        assertThat(Rtcp.nackedSequences(only(Rtcp.nack(1, 2, List.of(5, 5, 6, 5))))).containsExactly(5, 6);
    }

    @Test
    void nackedSequencesOfSomethingElse() {
        assertThat(Rtcp.nackedSequences(only(Rtcp.pictureLossIndication(1, 2)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 30_000, 0x3FFFF, 0x40000, 300_000, 1_000_000, 2_500_000, 1_234_567_890, 50_000_000_000L})
    void rembRoundTripToMantissaPrecision(long bitrate) {
        Rtcp.Part part = only(Rtcp.remb(0x11111111L, bitrate, List.of(0xAAAAAAAAL, 0xBBBBBBBBL)));

        int exponent = Math.max(0, 64 - Long.numberOfLeadingZeros(bitrate) - 18);
        long expected = (bitrate >>> exponent) << exponent;
        assertThat(part.type()).isEqualTo(Rtcp.PSFB);
        assertThat(part.format()).isEqualTo(Rtcp.FMT_AFB);
        assertThat(part.senderSsrc()).isEqualTo(0x11111111L);
        assertThat(part.mediaSsrc()).as("REMB's media SSRC is 0").isZero();
        assertThat(part.length()).isEqualTo(20 + 8);
        assertThat(part.data()[16]).as("number of SSRCs").isEqualTo((byte) 2);
        assertThat(Bytes.u32(part.data(), 20)).isEqualTo(0xAAAAAAAAL);
        assertThat(Bytes.u32(part.data(), 24)).isEqualTo(0xBBBBBBBBL);
        assertThat(Rtcp.rembBitrate(part)).isEqualTo(expected);
        assertThat(bitrate - expected).isBetween(0L, (1L << exponent) - 1);
    }

    @Test
    void aNegativeBitrateIsSentAsZero() {
        assertThat(Rtcp.rembBitrate(only(Rtcp.remb(1, -5, List.of(2L))))).isZero();
    }

    @Test
    void aRembOfTheLargestExponent() {
        byte[] remb = Rtcp.remb(1, 0, List.of(2L));
        remb[17] = (byte) 0xFF;
        remb[18] = (byte) 0xFF;
        remb[19] = (byte) 0xFF;

        assertThat(Rtcp.rembBitrate(only(remb))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void applicationFeedbackThatIsNotRemb() {
        byte[] remb = Rtcp.remb(1, 1000, List.of(2L));
        remb[12] = 'X';
        assertThat(Rtcp.rembBitrate(only(remb))).isEqualTo(-1);
        assertThat(Rtcp.rembBitrate(only(Rtcp.pictureLossIndication(1, 2)))).isEqualTo(-1);
    }

    @Test
    void pictureLossIndicationFields() {
        byte[] pli = Rtcp.pictureLossIndication(0x01020304L, 0xF1F2F3F4L);

        assertThat(pli).hasSize(12);
        assertThat(pli[0] & 0xFF).as("V=2, P=0, FMT=1").isEqualTo(0x81);
        assertThat(pli[1] & 0xFF).isEqualTo(206);
        assertThat(Bytes.u16(pli, 2)).as("length in words minus one").isEqualTo(2);
        Rtcp.Part part = only(pli);
        assertThat(part.type()).isEqualTo(Rtcp.PSFB);
        assertThat(part.format()).isEqualTo(Rtcp.FMT_PLI);
        assertThat(part.senderSsrc()).isEqualTo(0x01020304L);
        assertThat(part.mediaSsrc()).isEqualTo(0xF1F2F3F4L);
    }

    @Test
    void firSsrcs() {
        // RFC 5104 4.3.1: header, sender SSRC, media SSRC 0, then (SSRC, seq nr, reserved) per entry
        byte[] fir = new byte[12 + 8 * 2];
        fir[0] = (byte) (0x80 | Rtcp.FMT_FIR);
        fir[1] = (byte) Rtcp.PSFB;
        Bytes.put16(fir, 2, fir.length / 4 - 1);
        Bytes.put32(fir, 4, 0x99L);
        Bytes.put32(fir, 12, 0xDEADBEEFL);
        fir[16] = 7;
        Bytes.put32(fir, 20, 0x12345678L);
        fir[24] = 8;

        Rtcp.Part part = only(fir);

        assertThat(part.format()).isEqualTo(Rtcp.FMT_FIR);
        assertThat(Rtcp.firSsrcs(part)).containsExactly(0xDEADBEEFL, 0x12345678L);
        assertThat(Rtcp.firSsrcs(only(Rtcp.pictureLossIndication(1, 2)))).isEmpty();
    }

    @Test
    void senderReportNtpMiddle() {
        Rtcp.Part part = only(senderReport(1, 0x0000FFFFL, 0xFFFF0000L, 0, 2));
        assertThat(Rtcp.senderReportNtpMiddle(part)).isEqualTo(0xFFFFFFFFL);
        Rtcp.Part other = only(senderReport(1, 0xABCD1234L, 0x5678EF01L, 0, 2));
        assertThat(Rtcp.senderReportNtpMiddle(other)).isEqualTo(0x12345678L);
        assertThat(Rtcp.senderReportNtpMiddle(only(Rtcp.receiverReport(1, List.of())))).isEqualTo(-1);
    }
}
