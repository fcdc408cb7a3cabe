package io.trtcsim.simulator.sfu;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ice4j.StunException;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.attribute.Attribute;
import org.ice4j.attribute.AttributeFactory;
import org.ice4j.attribute.MessageIntegrityAttribute;
import org.ice4j.attribute.UsernameAttribute;
import org.ice4j.message.Message;
import org.ice4j.message.MessageFactory;
import org.ice4j.message.Request;
import org.ice4j.message.Response;
import org.ice4j.security.CredentialsAuthority;
import org.ice4j.stack.StunStack;

/**
 * The ICE-lite side of connectivity checks (RFC 8445 2.5, RFC 5389), on ice4j's STUN messages: a
 * Binding request whose USERNAME is {@code <our ufrag>:<their ufrag>} and whose MESSAGE-INTEGRITY
 * checks out with our password gets a success response with XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY
 * and FINGERPRINT. Anything else gets nothing (RFC 5389 says to ignore what fails integrity).
 * One per media plane; links register their credentials while they live.
 */
final class StunResponder implements CredentialsAuthority, AutoCloseable {

    private final StunStack stack = new StunStack();
    private final Map<String, byte[]> passwords = new ConcurrentHashMap<>();

    StunResponder() {
        stack.getCredentialsManager().registerAuthority(this);
    }

    void register(IceCredentials local) {
        passwords.put(local.ufrag(), local.pwd().getBytes(StandardCharsets.UTF_8));
    }

    void unregister(IceCredentials local) {
        passwords.remove(local.ufrag());
    }

    /** A check that passed: the response to send back, and whether the peer nominated this pair. */
    record Answer(byte[] response, boolean useCandidate) {
    }

    Optional<Answer> answer(byte[] data, int offset, int length, InetSocketAddress from, IceCredentials local,
                            String remoteUfrag) {
        // One message fills the datagram: a length field that says less would leave bytes (such as
        // FINGERPRINT) outside what ice4j decodes and what MESSAGE-INTEGRITY covers.
        // (length > data.length - offset: offset + length could overflow past the check.)
        if (offset < 0 || length < Message.HEADER_LENGTH || length > data.length - offset
                || Bytes.u16(data, offset + 2) != length - Message.HEADER_LENGTH) {
            return Optional.empty();
        }
        if (offset != 0) {
            // ice4j's Message.decode reads attributes and checks FINGERPRINT right only from index 0.
            data = Arrays.copyOfRange(data, offset, offset + length);
            offset = 0;
        }
        Message message;
        try {
            message = Message.decode(data, offset, length);
        } catch (StunException | RuntimeException e) {
            return Optional.empty();
        }
        if (!(message instanceof Request request) || message.getMessageType() != Message.BINDING_REQUEST) {
            return Optional.empty();
        }
        if (!(request.getAttribute(Attribute.USERNAME) instanceof UsernameAttribute username)
                || !(request.getAttribute(Attribute.MESSAGE_INTEGRITY) instanceof MessageIntegrityAttribute integrity)
                // RFC 8445 7.1: checks carry FINGERPRINT (ice4j verified its CRC when decoding).
                || !request.containsAttribute(Attribute.FINGERPRINT)) {
            return Optional.empty();
        }
        String expected = local.ufrag() + ":" + remoteUfrag;
        if (!expected.equals(new String(username.getUsername(), StandardCharsets.UTF_8))
                || !integrityHolds(data, offset, length, integrity, local)) {
            return Optional.empty();
        }
        try {
            Response response = MessageFactory.createBindingResponse(request,
                    new TransportAddress(from.getAddress(), from.getPort(), Transport.UDP));
            response.setTransactionID(request.getTransactionID());
            response.putAttribute(AttributeFactory.createMessageIntegrityAttribute(local.ufrag()));
            response.putAttribute(AttributeFactory.createFingerprintAttribute());
            return Optional.of(new Answer(response.encode(stack), request.containsAttribute(Attribute.USE_CANDIDATE)));
        } catch (StunException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * HMAC-SHA1 over the message up to MESSAGE-INTEGRITY, with the header's length as if the
     * message ended right after that attribute (RFC 5389 15.4).
     */
    private static boolean integrityHolds(byte[] data, int offset, int length, MessageIntegrityAttribute integrity,
                                          IceCredentials local) {
        int location = integrity.getLocationInMessage() - offset;
        if (location < Message.HEADER_LENGTH || location + 24 > length) {
            return false;
        }
        byte[] signed = new byte[location];
        System.arraycopy(data, offset, signed, 0, location);
        int lengthAsSigned = location - Message.HEADER_LENGTH + 24;
        signed[2] = (byte) (lengthAsSigned >> 8);
        signed[3] = (byte) lengthAsSigned;
        byte[] expected = MessageIntegrityAttribute.calculateHmacSha1(signed, 0, signed.length,
                local.pwd().getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, integrity.getHmacSha1Content());
    }

    @Override
    public byte[] getLocalKey(String ufrag) {
        return passwords.get(ufrag);
    }

    @Override
    public byte[] getRemoteKey(String username, String media) {
        return null;
    }

    @Override
    public boolean checkLocalUserName(String ufrag) {
        return passwords.containsKey(ufrag);
    }

    @Override
    public void close() {
        stack.getCredentialsManager().unregisterAuthority(this);
        stack.shutDown();
        passwords.clear();
    }
}
