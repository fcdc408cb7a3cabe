package io.trtcsim.simulator.sfu;

import static io.trtcsim.PropertyRuns.bytes;
import static io.trtcsim.PropertyRuns.hex;
import static io.trtcsim.PropertyRuns.qt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * {@link Rtcp} splits any datagram into parts that tile it exactly, or into none; what it reads of
 * a part stays inside it; what it writes it reads back.
 */
class RtcpProperties {

    /** Datagrams of plausible RTCP headers (version 2, a type of 192..223, a length field) and random bodies. */
    private static final Gen<byte[]> DATAGRAM = hex(bytes(200).mix(SourceDSL.lists()
            .of(SourceDSL.integers().between(0, 31).zip(SourceDSL.integers().between(192, 223),
                    SourceDSL.integers().between(0, 12), bytes(52), (format, type, words, body) -> {
                        byte[] part = new byte[4 + body.length];
                        part[0] = (byte) (0x80 | format);
                        part[1] = (byte) type.intValue();
                        Bytes.put16(part, 2, words);
                        System.arraycopy(body, 0, part, 4, body.length);
                        return part;
                    }))
            .ofSizeBetween(1, 4).map(parts -> Rtcp.compound(parts.toArray(new byte[0][]))), 70));

    @Test
    void anyBytesSplitIntoPartsThatTileThemOrIntoNone() {
        qt(1000).forAll(DATAGRAM, RtpHeaderProperties.POSITION, RtpHeaderProperties.POSITION)
                .checkAssert((data, offset, length) -> {
                    List<Rtcp.Part> parts = Rtcp.parts(data, offset, length);
                    int at = offset;
                    for (Rtcp.Part part : parts) {
                        assertThat(part.offset()).isEqualTo(at);
                        assertThat(part.length()).isPositive().isEqualTo(4 * (Bytes.u16(data, at + 2) + 1));
                        at += part.length();
                        readEverything(part);
                    }
                    if (!parts.isEmpty()) {
                        assertThat(at).isEqualTo(offset + length).isLessThanOrEqualTo(data.length);
                    }
                });
    }

    @Test
    void aTruncatedCompoundSplitsOnlyAtItsPartBoundaries() {
        byte[] rr = Rtcp.receiverReport(1, List.of(new Rtcp.ReportBlock(2, 3, -4, 5, 6, 7, 8)));
        byte[] remb = Rtcp.remb(1, 1_500_000, List.of(2L, 3L));
        byte[] nack = Rtcp.nack(1, 2, List.of(10, 11, 30, 65535, 0));
        byte[] compound = Rtcp.compound(rr, remb, nack);
        qt(300).forAll(SourceDSL.integers().between(0, compound.length)).checkAssert(cut -> {
            List<Rtcp.Part> parts = Rtcp.parts(compound, 0, cut);
            int boundaries = cut == rr.length ? 1 : cut == rr.length + remb.length ? 2 : cut == compound.length ? 3 : 0;
            assertThat(parts).hasSize(boundaries);
        });
    }

    @Test
    void aNackReadsBackItsSequenceNumbers() {
        qt(500).forAll(SourceDSL.lists().of(SourceDSL.integers().between(0, 0xFFFF)).ofSizeBetween(1, 60))
                .checkAssert(sequences -> {
                    List<Rtcp.Part> parts = Rtcp.parts(Rtcp.nack(7, 9, sequences), 0, Rtcp.nack(7, 9, sequences).length);
                    assertThat(parts).hasSize(1);
                    assertThat(new TreeSet<>(Rtcp.nackedSequences(parts.get(0)))).isEqualTo(new TreeSet<>(sequences));
                    assertThat(parts.get(0).mediaSsrc()).isEqualTo(9);
                });
    }

    @Test
    void aReceiverReportAndARembReadBack() {
        Gen<Rtcp.ReportBlock> blocks = SourceDSL.longs().between(0, 0xFFFF_FFFFL).zip(SourceDSL.integers().between(0, 255),
                SourceDSL.integers().between(-0x800000, 0x7FFFFF), SourceDSL.longs().between(0, 0xFFFF_FFFFL),
                (ssrc, fraction, lost, value) -> new Rtcp.ReportBlock(ssrc, fraction, lost, value, value ^ 1, value ^ 2, value ^ 3));
        qt(300).forAll(SourceDSL.lists().of(blocks).ofSizeBetween(0, 31), SourceDSL.longs().between(0, 1_000_000_000_000L))
                .checkAssert((reports, bitrate) -> {
                    byte[] compound = Rtcp.compound(Rtcp.receiverReport(5, reports), Rtcp.remb(5, bitrate, List.of(6L)));
                    List<Rtcp.Part> parts = Rtcp.parts(compound, 0, compound.length);
                    assertThat(parts).hasSize(2);
                    assertThat(Rtcp.reportBlocks(parts.get(0))).isEqualTo(reports);
                    long read = Rtcp.rembBitrate(parts.get(1));
                    // 18 bits of mantissa: what is read is the bitrate with its low bits cut.
                    assertThat(read).isLessThanOrEqualTo(bitrate).isGreaterThan(bitrate - (bitrate >> 17) - 1);
                });
    }

    /** Every reading the forwarder does of a part, each within bounds. */
    private static void readEverything(Rtcp.Part part) {
        assertThat(Rtcp.reportBlocks(part)).hasSizeLessThanOrEqualTo(31);
        Rtcp.senderReportNtpMiddle(part);
        assertThat(Rtcp.nackedSequences(part)).allSatisfy(sequence -> assertThat(sequence).isBetween(0, 0xFFFF));
        Rtcp.firSsrcs(part);
        assertThat(Rtcp.rembBitrate(part)).isGreaterThanOrEqualTo(-1);
        part.senderSsrc();
        part.mediaSsrc();
    }
}
