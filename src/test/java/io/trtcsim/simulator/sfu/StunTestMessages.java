package io.trtcsim.simulator.sfu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ice4j.attribute.AttributeFactory;
import org.ice4j.message.MessageFactory;
import org.ice4j.message.Request;
import org.ice4j.security.CredentialsAuthority;
import org.ice4j.stack.StunStack;
import org.ice4j.stack.TransactionID;

/**
 * Binding requests as a controlling ICE agent (libwebrtc) sends them, encoded by ice4j, and
 * independent checks (HMAC-SHA1, CRC-32) of what comes back. Close it after use.
 */
final class StunTestMessages implements AutoCloseable {

    private final StunStack stack = new StunStack();
    private volatile byte[] key;

    StunTestMessages() {
        stack.getCredentialsManager().registerAuthority(new CredentialsAuthority() {
            @Override
            public byte[] getLocalKey(String username) {
                return key;
            }

            @Override
            public byte[] getRemoteKey(String username, String media) {
                return key;
            }

            @Override
            public boolean checkLocalUserName(String username) {
                return true;
            }
        });
    }

    /** What to put into a request. */
    record Spec(String username, String pwd, boolean useCandidate, boolean integrity, boolean fingerprint, byte[] transactionId) {

        static Spec of(String username, String pwd) {
            return new Spec(username, pwd, true, true, true, TransactionID.createNewTransactionID().getBytes());
        }

        Spec useCandidate(boolean value) {
            return new Spec(username, pwd, value, integrity, fingerprint, transactionId);
        }

        Spec integrity(boolean value) {
            return new Spec(username, pwd, useCandidate, value, fingerprint, transactionId);
        }

        Spec fingerprint(boolean value) {
            return new Spec(username, pwd, useCandidate, integrity, value, transactionId);
        }
    }

    synchronized byte[] request(Spec spec) {
        try {
            Request request = MessageFactory.createBindingRequest();
            request.setTransactionID(spec.transactionId());
            request.putAttribute(AttributeFactory.createUsernameAttribute(spec.username()));
            request.putAttribute(AttributeFactory.createPriorityAttribute(1853817087L));
            request.putAttribute(AttributeFactory.createIceControllingAttribute(0x1234_5678_9ABC_DEF0L));
            if (spec.useCandidate()) {
                request.putAttribute(AttributeFactory.createUseCandidateAttribute());
            }
            if (spec.integrity()) {
                request.putAttribute(AttributeFactory.createMessageIntegrityAttribute(spec.username()));
            }
            if (spec.fingerprint()) {
                request.putAttribute(AttributeFactory.createFingerprintAttribute());
            }
            key = spec.pwd().getBytes(StandardCharsets.UTF_8);
            return request.encode(stack);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode a test Binding request", e);
        }
    }

    /** A Binding success response (with integrity and fingerprint), for a responder to refuse. */
    synchronized byte[] response(String pwd) {
        try {
            byte[] transactionId = TransactionID.createNewTransactionID().getBytes();
            Request request = MessageFactory.createBindingRequest();
            request.setTransactionID(transactionId);
            org.ice4j.message.Response response = MessageFactory.createBindingResponse(request,
                    new org.ice4j.TransportAddress("127.0.0.1", 5000, org.ice4j.Transport.UDP));
            response.setTransactionID(transactionId);
            response.putAttribute(AttributeFactory.createMessageIntegrityAttribute("a"));
            response.putAttribute(AttributeFactory.createFingerprintAttribute());
            key = pwd.getBytes(StandardCharsets.UTF_8);
            return response.encode(stack);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode a test Binding response", e);
        }
    }

    @Override
    public void close() {
        stack.shutDown();
    }

    // ---- independent checks of encoded messages (RFC 5389 15.4, 15.5)

    /** Where the attribute of that type starts (its 4-byte header), or -1. */
    static int attributeAt(byte[] message, int type) {
        int end = 20 + Bytes.u16(message, 2);
        for (int at = 20; at + 4 <= end; ) {
            int attributeType = Bytes.u16(message, at);
            int length = Bytes.u16(message, at + 2);
            if (attributeType == type) {
                return at;
            }
            at += 4 + (length + 3) / 4 * 4;
        }
        return -1;
    }

    /** Whether MESSAGE-INTEGRITY holds: HMAC-SHA1 keyed with pwd, length as if the message ended after it. */
    static boolean integrityHolds(byte[] message, String pwd) throws Exception {
        int at = attributeAt(message, 0x0008);
        if (at < 0) {
            return false;
        }
        byte[] signed = Arrays.copyOf(message, at);
        Bytes.put16(signed, 2, at + 24 - 20);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(pwd.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Arrays.equals(mac.doFinal(signed), Arrays.copyOfRange(message, at + 4, at + 24));
    }

    /** Whether FINGERPRINT is the last attribute and holds: CRC-32 of what precedes it XOR 0x5354554e. */
    static boolean fingerprintHolds(byte[] message) {
        int at = attributeAt(message, 0x8028);
        if (at < 0 || at + 8 != message.length || Bytes.u16(message, at + 2) != 4) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(message, 0, at);
        return (crc.getValue() ^ 0x5354554EL) == Bytes.u32(message, at + 4);
    }
}
