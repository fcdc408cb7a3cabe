package io.trtcsim.simulator.sfu;

import static io.trtcsim.PropertyRuns.bytes;
import static io.trtcsim.PropertyRuns.hex;
import static io.trtcsim.PropertyRuns.qt;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * {@link StunResponder} answers a Binding request that passes every check and ignores anything
 * else, without an exception: random datagrams, any offset and length, and a valid request with
 * any byte changed or cut short all get nothing.
 */
class StunResponderProperties {

    private static final IceCredentials OURS = new IceCredentials("sfuUfrag", "sfuPasswordOf24CharsXyz1");
    private static final String THEIRS = "Xk3r";

    /** An IP literal: resolved without a lookup. */
    private static final InetSocketAddress FROM = new InetSocketAddress("192.0.2.77", 50123);

    /** One responder and one valid request for the whole class: answering changes neither. */
    private static StunResponder responder;
    private static byte[] valid;

    @BeforeAll
    static void registerOurCredentials() {
        responder = new StunResponder();
        responder.register(OURS);
        try (StunTestMessages messages = new StunTestMessages()) {
            valid = messages.request(StunTestMessages.Spec.of(OURS.ufrag() + ":" + THEIRS, OURS.pwd()));
        }
    }

    @AfterAll
    static void closeResponder() {
        responder.close();
    }

    private Optional<StunResponder.Answer> answer(byte[] data, int offset, int length) {
        return responder.answer(data, offset, length, FROM, OURS, THEIRS);
    }

    @Test
    void anyBytesAtAnyOffsetGetNoAnswer() {
        // Random bodies behind a well-formed Binding request header, and bytes of any kind.
        Gen<byte[]> headed = bytes(120).map(body -> {
            byte[] data = new byte[20 + body.length - body.length % 4];
            System.arraycopy(valid, 0, data, 0, 20);
            System.arraycopy(body, 0, data, 20, data.length - 20);
            Bytes.put16(data, 2, data.length - 20);
            return data;
        });
        qt(1000).forAll(hex(bytes(200).mix(headed, 60)), RtpHeaderProperties.POSITION, RtpHeaderProperties.POSITION)
                .checkAssert((data, offset, length) -> {
                    assertThat(answer(data, offset, length)).isEmpty();
                    assertThat(answer(data, 0, data.length)).isEmpty();
                });
    }

    /** Found by the property above: offset + length overflowed past the bounds check (an out-of-bounds read). */
    @Test
    void anOffsetAndLengthWhoseSumOverflowsGetNoAnswer() {
        byte[] framed = new byte[68];
        System.arraycopy(valid, 0, framed, 0, Math.min(valid.length, framed.length));
        assertThat(answer(framed, Integer.MAX_VALUE - 2, 20)).isEmpty();
        assertThat(answer(valid, 4, Integer.MAX_VALUE - 1)).isEmpty();
    }

    @Test
    void aValidRequestWithAnyByteChangedGetsNoAnswer() {
        assertThat(answer(valid, 0, valid.length)).isPresent();
        qt(1000).forAll(SourceDSL.integers().between(0, valid.length - 1), SourceDSL.integers().between(1, 255))
                .checkAssert((at, flip) -> {
                    byte[] changed = valid.clone();
                    changed[at] = (byte) (changed[at] ^ flip);
                    assertThat(answer(changed, 0, changed.length)).as("byte %d xor %d", at, flip).isEmpty();
                });
    }

    @Test
    void aValidRequestCutShortGetsNoAnswerAndOneAtAnyOffsetIsAnswered() {
        qt(300).forAll(SourceDSL.integers().between(0, valid.length - 1), bytes(40), bytes(40))
                .checkAssert((cut, before, after) -> {
                    assertThat(answer(valid, 0, cut)).isEmpty();
                    byte[] framed = new byte[before.length + valid.length + after.length];
                    System.arraycopy(before, 0, framed, 0, before.length);
                    System.arraycopy(valid, 0, framed, before.length, valid.length);
                    System.arraycopy(after, 0, framed, before.length + valid.length, after.length);
                    assertThat(answer(framed, before.length, valid.length)).isPresent();
                    assertThat(answer(framed, before.length, cut)).isEmpty();
                });
    }
}
