package io.trtcsim.simulator.sfu;

import static io.trtcsim.PropertyRuns.hex;
import static io.trtcsim.PropertyRuns.qt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * {@link TransportFeedback} reads the transport-wide sequence number of any packet the RTP reader
 * took, and whatever order and timing packets arrive in, builds feedback that is one well-formed
 * RTCP packet.
 */
class TransportFeedbackProperties {

    @Test
    void anyPacketTheRtpReaderTookHasASequenceNumberOrNone() {
        qt(1000).forAll(hex(RtpHeaderProperties.DATAGRAM.map(data -> {
                    if (data.length > 0) {
                        data[0] = (byte) (data[0] | 0x10); // with a header extension
                    }
                    return data;
                })), SourceDSL.integers().between(-1, 256))
                .checkAssert((packet, id) -> RtpHeader.parse(packet, 0, packet.length)
                        .ifPresent(header -> TransportFeedback.sequenceOf(packet, header, id)
                                .ifPresent(sequence -> assertThat(sequence).isBetween(0, 0xFFFF))));
    }

    @Test
    void theSequenceNumberWrittenInAOneByteExtensionIsRead() {
        qt(500).forAll(SourceDSL.integers().between(1, 14), SourceDSL.integers().between(0, 0xFFFF),
                SourceDSL.integers().between(0, 3)).checkAssert((id, sequence, paddingBefore) -> {
                    byte[] extension = new byte[8];
                    int at = paddingBefore; // zero bytes before an element are padding (RFC 8285 4.2)
                    extension[at] = (byte) (id << 4 | 1);
                    Bytes.put16(extension, at + 1, sequence);
                    byte[] packet = RtpHeaderTest.packet(96, false, 1, 2, 3, new long[0], extension, 10, 0);
                    RtpHeader header = RtpHeader.parse(packet, 0, packet.length).orElseThrow();
                    assertThat(TransportFeedback.sequenceOf(packet, header, id)).contains(sequence);
                    assertThat(TransportFeedback.sequenceOf(packet, header, id == 14 ? 1 : id + 1)).isEmpty();
                });
    }

    @Test
    void feedbackForAnyArrivalsIsOneWellFormedRtcpPacket() {
        Gen<int[]> arrival = SourceDSL.integers().between(0, 0xFFFF).zip(SourceDSL.integers().between(-30, 30),
                SourceDSL.integers().between(0, 700_000), (start, step, gap) -> new int[] {start, step, gap});
        qt(300).forAll(SourceDSL.lists().of(arrival).ofSizeBetween(1, 400)).checkAssert(arrivals -> {
            TransportFeedback feedback = new TransportFeedback();
            int sequence = arrivals.get(0)[0];
            long now = 1_000_000;
            int built = 0;
            for (int[] next : arrivals) {
                sequence = (sequence + next[1]) & 0xFFFF;
                now += next[2] % 50 == 0 ? next[2] : next[2] / 100;
                feedback.received(sequence, now);
                if (next[2] % 7 == 0) {
                    built += wellFormed(feedback.build(11, 22));
                }
            }
            for (int i = 0; i < 10 && built < 1_000; i++) {
                built += wellFormed(feedback.build(11, 22));
            }
            assertThat(feedback.build(11, 22)).as("everything reported after enough feedback").isEmpty();
        });
    }

    /** The number of statuses in a feedback packet, checked as RTCP. */
    private static int wellFormed(Optional<byte[]> built) {
        if (built.isEmpty()) {
            return 0;
        }
        byte[] packet = built.get();
        List<Rtcp.Part> parts = Rtcp.parts(packet, 0, packet.length);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).type()).isEqualTo(Rtcp.RTPFB);
        assertThat(parts.get(0).format()).isEqualTo(TransportFeedback.FMT);
        int count = Bytes.u16(packet, 14);
        assertThat(count).isBetween(1, TransportFeedback.MAX_STATUSES);
        // Status chunks of seven, then one or two bytes of delta per received packet, to a multiple of 4.
        assertThat(packet.length).isGreaterThanOrEqualTo(20 + 2 * ((count + 6) / 7));
        return 1;
    }
}
