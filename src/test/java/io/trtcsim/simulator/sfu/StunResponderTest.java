package io.trtcsim.simulator.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.ice4j.TransportAddress;
import org.ice4j.attribute.Attribute;
import org.ice4j.attribute.XorMappedAddressAttribute;
import org.ice4j.message.Message;
import org.ice4j.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StunResponderTest {

    private static final IceCredentials OURS = new IceCredentials("sfuUfrag", "sfuPasswordOf24CharsXyz1");
    private static final String THEIRS = "Xk3r";
    private static final String USERNAME = OURS.ufrag() + ":" + THEIRS;

    private StunResponder responder;
    private StunTestMessages messages;
    private InetSocketAddress from;

    @BeforeEach
    void setUp() throws Exception {
        responder = new StunResponder();
        responder.register(OURS);
        messages = new StunTestMessages();
        from = new InetSocketAddress(InetAddress.getByName("192.0.2.77"), 50123);
    }

    @AfterEach
    void tearDown() {
        messages.close();
        responder.close();
    }

    private Optional<StunResponder.Answer> answer(byte[] request) {
        return responder.answer(request, 0, request.length, from, OURS, THEIRS);
    }

    private byte[] validRequest() {
        return messages.request(StunTestMessages.Spec.of(USERNAME, OURS.pwd()));
    }

    @Test
    void theTestRequestIsWhatAnIceAgentSends() throws Exception {
        byte[] request = validRequest();

        Message decoded = Message.decode(request, 0, request.length);
        assertThat((int) decoded.getMessageType()).isEqualTo((int) Message.BINDING_REQUEST);
        for (char type : new char[] {Attribute.USERNAME, Attribute.PRIORITY, Attribute.ICE_CONTROLLING,
                Attribute.USE_CANDIDATE, Attribute.MESSAGE_INTEGRITY, Attribute.FINGERPRINT}) {
            assertThat(decoded.containsAttribute(type)).as("attribute 0x%04x", (int) type).isTrue();
        }
        assertThat(StunTestMessages.integrityHolds(request, OURS.pwd())).isTrue();
        assertThat(StunTestMessages.integrityHolds(request, "another password of 24 c")).isFalse();
        assertThat(StunTestMessages.fingerprintHolds(request)).isTrue();
    }

    @Test
    void aValidCheckGetsASuccessResponse() throws Exception {
        byte[] request = validRequest();

        Optional<StunResponder.Answer> answer = answer(request);

        assertThat(answer).isPresent();
        assertThat(answer.get().useCandidate()).isTrue();
        byte[] bytes = answer.get().response();
        Message decoded = Message.decode(bytes, 0, bytes.length);
        assertThat(decoded).isInstanceOf(Response.class);
        assertThat(((Response) decoded).isSuccessResponse()).isTrue();
        assertThat((int) decoded.getMessageType()).isEqualTo((int) Message.BINDING_SUCCESS_RESPONSE);
        assertThat(decoded.getTransactionID()).isEqualTo(Arrays.copyOfRange(request, 8, 20));
        assertThat(Arrays.copyOfRange(bytes, 4, 8)).as("magic cookie").containsExactly(0x21, 0x12, 0xA4, 0x42);
        XorMappedAddressAttribute mapped = (XorMappedAddressAttribute) decoded.getAttribute(Attribute.XOR_MAPPED_ADDRESS);
        assertThat(mapped).isNotNull();
        TransportAddress address = mapped.getAddress(decoded.getTransactionID());
        assertThat(new InetSocketAddress(address.getAddress(), address.getPort())).isEqualTo(from);
        assertThat(Bytes.u16(bytes, 2)).as("length field").isEqualTo(bytes.length - 20);
        assertThat(StunTestMessages.integrityHolds(bytes, OURS.pwd())).as("MESSAGE-INTEGRITY keyed with our pwd").isTrue();
        assertThat(StunTestMessages.integrityHolds(bytes, THEIRS + "-not-the-password-12345")).isFalse();
        assertThat(StunTestMessages.fingerprintHolds(bytes)).as("FINGERPRINT").isTrue();
    }

    @Test
    void aCheckWithoutUseCandidateIsAnsweredButNotNominated() {
        Optional<StunResponder.Answer> answer = answer(messages.request(
                StunTestMessages.Spec.of(USERNAME, OURS.pwd()).useCandidate(false)));

        assertThat(answer).isPresent();
        assertThat(answer.get().useCandidate()).isFalse();
    }

    @Test
    void aRequestAtAnOffsetIsRead() {
        byte[] request = validRequest();
        byte[] padded = new byte[request.length + 7];
        System.arraycopy(request, 0, padded, 3, request.length);

        assertThat(responder.answer(padded, 3, request.length, from, OURS, THEIRS)).isPresent();
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(answer(messages.request(StunTestMessages.Spec.of(USERNAME, "sfuPasswordOf24CharsXyz2")))).isEmpty();
        assertThat(answer(messages.request(StunTestMessages.Spec.of(USERNAME, "x")))).isEmpty();
    }

    @Test
    void aWrongUfragIsRefused() {
        assertThat(answer(messages.request(StunTestMessages.Spec.of("otherUfr:" + THEIRS, OURS.pwd())))).as("ours wrong").isEmpty();
        assertThat(answer(messages.request(StunTestMessages.Spec.of(OURS.ufrag() + ":Yk3r", OURS.pwd())))).as("theirs wrong").isEmpty();
        assertThat(answer(messages.request(StunTestMessages.Spec.of(OURS.ufrag(), OURS.pwd())))).as("no colon").isEmpty();
        assertThat(answer(messages.request(StunTestMessages.Spec.of(THEIRS + ":" + OURS.ufrag(), OURS.pwd())))).as("swapped").isEmpty();
    }

    @Test
    void aRequestWithoutIntegrityIsRefused() {
        assertThat(answer(messages.request(StunTestMessages.Spec.of(USERNAME, OURS.pwd()).integrity(false)))).isEmpty();
    }

    @Test
    void aRequestWithoutFingerprintIsRefused() {
        // RFC 8445 7.1: connectivity checks carry FINGERPRINT.
        assertThat(answer(messages.request(StunTestMessages.Spec.of(USERNAME, OURS.pwd()).fingerprint(false)))).isEmpty();
    }

    @Test
    void aBindingResponseIsNotAnswered() {
        assertThat(answer(messages.response(OURS.pwd()))).isEmpty();
    }

    @Test
    void aRequestOfAnUnregisteredLinkIsRefused() {
        byte[] request = validRequest();
        responder.unregister(OURS);

        assertThat(answer(request)).as("the request is still valid, but the response cannot be signed").isEmpty();
    }

    @Test
    void randomBytesAreRefused() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[random.nextInt(120)];
            random.nextBytes(junk);
            if (junk.length > 0 && i % 2 == 0) {
                junk[0] &= 0x03;
            }
            if (junk.length > 7 && i % 4 == 0) {
                System.arraycopy(new byte[] {0x21, 0x12, (byte) 0xA4, 0x42}, 0, junk, 4, 4);
            }
            assertThat(answer(junk)).as("junk %d", i).isEmpty();
        }
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] request = validRequest();
        for (int length = 0; length < request.length; length++) {
            byte[] prefix = Arrays.copyOf(request, length);
            assertThat(answer(prefix)).as("the first %d of %d bytes", length, request.length).isEmpty();
            assertThat(responder.answer(request, 0, length, from, OURS, THEIRS))
                    .as("length %d of the whole array", length).isEmpty();
        }
    }

    @Test
    void everyFlippedBitIsRefused() {
        byte[] request = validRequest();
        assertThat(answer(request)).isPresent();
        List<String> accepted = new ArrayList<>();
        for (int bit = 0; bit < request.length * 8; bit++) {
            byte[] flipped = request.clone();
            flipped[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            if (answer(flipped).isPresent()) {
                accepted.add("byte " + bit / 8 + " bit " + bit % 8);
            }
        }
        assertThat(accepted).as("flipped bits that still passed the check").isEmpty();
    }

    @Test
    void trailingBytesAfterTheMessageAreRefused() {
        byte[] request = validRequest();
        byte[] longer = Arrays.copyOf(request, request.length + 4);

        assertThat(answer(longer)).isEmpty();
    }
}
