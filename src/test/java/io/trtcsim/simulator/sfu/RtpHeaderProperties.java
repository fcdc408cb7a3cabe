package io.trtcsim.simulator.sfu;

import static io.trtcsim.PropertyRuns.bytes;
import static io.trtcsim.PropertyRuns.hex;
import static io.trtcsim.PropertyRuns.qt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * {@link RtpHeader} reads any datagram: a header whose lengths all lie within the packet, or
 * nothing; never an exception, whatever the bytes, the offset or the length.
 */
class RtpHeaderProperties {

    /** Offsets and lengths: mostly inside a buffer of up to 300 bytes, sometimes anything at all. */
    static final Gen<Integer> POSITION = SourceDSL.integers().between(-4, 320)
            .mix(Generate.pick(java.util.List.of(Integer.MIN_VALUE, -1, Integer.MAX_VALUE - 2, Integer.MAX_VALUE)), 10)
            .mix(SourceDSL.integers().all(), 10);

    /** Packets whose first byte says RTP version 2 more often than chance would. */
    static final Gen<byte[]> DATAGRAM = hex(bytes(300).mix(bytes(300).map(data -> {
        if (data.length > 0) {
            data[0] = (byte) (0x80 | (data[0] & 0x3F));
        }
        return data;
    }), 70));

    @Test
    void anyBytesAtAnyOffsetAreAHeaderThatFitsOrNothing() {
        qt(1000).forAll(DATAGRAM, POSITION, POSITION).checkAssert((data, offset, length) -> {
            fitsOrNothing(RtpHeader.parse(data, offset, length), length, true);
            fitsOrNothing(RtpHeader.parseProtected(data, offset, length), length, false);
            if (offset >= 0 && length >= 0 && length <= data.length - offset) {
                RtpHeader.isRtcp(data, offset, length);
            }
        });
    }

    @Test
    void aBuiltPacketReadsBackAndEveryTruncationOfItFitsOrIsNothing() {
        Gen<byte[]> packets = SourceDSL.integers().between(0, 127).zip(SourceDSL.integers().between(0, 0xFFFF),
                SourceDSL.integers().between(0, 15), SourceDSL.integers().between(-1, 6),
                (payloadType, sequence, csrcs, extensionWords) -> RtpHeaderTest.packet(payloadType, sequence % 2 == 0,
                        sequence, 0xFFFF_FFF0L + payloadType, 0x1234_5678L * csrcs & 0xFFFF_FFFFL, new long[csrcs],
                        extensionWords < 0 ? null : new byte[4 * extensionWords], sequence % 40, sequence % 3 == 0 ? 1 + csrcs : 0));
        qt(500).forAll(packets, SourceDSL.integers().between(0, 400)).checkAssert((packet, cut) -> {
            RtpHeader whole = RtpHeader.parse(packet, 0, packet.length).orElseThrow();
            assertThat(whole.sequence()).isEqualTo(Bytes.u16(packet, 2));
            assertThat(whole.payloadType()).isEqualTo(packet[1] & 0x7F);
            assertThat(whole.headerLength() + whole.payloadLength()
                    + ((packet[0] & 0x20) != 0 ? packet[packet.length - 1] : 0)).isEqualTo(packet.length);
            int length = Math.min(cut, packet.length);
            fitsOrNothing(RtpHeader.parse(packet, 0, length), length, true);
        });
    }

    /** Found by the first property: offset + length overflowed past the bounds check (an out-of-bounds read). */
    @Test
    void anOffsetAndLengthWhoseSumOverflowsAreNothing() {
        byte[] packet = RtpHeaderTest.packet(96, false, 1, 2, 3, new long[0], null, 170, 0);
        assertThat(RtpHeader.parse(packet, Integer.MAX_VALUE - 2, Integer.MAX_VALUE - 2)).isEmpty();
        assertThat(RtpHeader.parseProtected(packet, 100, Integer.MAX_VALUE - 50)).isEmpty();
    }

    private static void fitsOrNothing(Optional<RtpHeader> header, int length, boolean paddingChecked) {
        header.ifPresent(read -> {
            assertThat(read.headerLength()).isGreaterThanOrEqualTo(RtpHeader.FIXED_LENGTH);
            assertThat(read.payloadLength()).isGreaterThanOrEqualTo(0);
            assertThat(read.headerLength() + read.payloadLength()).isLessThanOrEqualTo(length);
            if (!paddingChecked) {
                assertThat(read.headerLength() + read.payloadLength()).isEqualTo(length);
            }
            assertThat(read.payloadType()).isBetween(0, 127);
            assertThat(read.sequence()).isBetween(0, 0xFFFF);
            assertThat(read.ssrc()).isBetween(0L, 0xFFFF_FFFFL);
        });
    }
}
