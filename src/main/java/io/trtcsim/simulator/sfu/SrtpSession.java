package io.trtcsim.simulator.sfu;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * SRTP and SRTCP of one link (jitsi-srtp): AES-CM-128 with HMAC-SHA1-80, one crypto context per
 * SSRC in each direction. jitsi-srtp's contexts synchronize themselves, so the uplink's receive
 * thread and a downlink's own thread may send on one link at once. A link takes at most
 * {@value #MAX_SSRCS} SSRCs per direction: packets of more are refused, never a growing map.
 */
final class SrtpSession implements AutoCloseable {

    static final int MAX_SSRCS = 16;
    private static final Logger LOGGER = new LoggerImpl(SrtpSession.class.getName());

    private final SrtpContextFactory receiving;
    private final SrtpContextFactory sending;
    private final Map<Long, SrtpCryptoContext> rtpIn = new ConcurrentHashMap<>();
    private final Map<Long, SrtpCryptoContext> rtpOut = new ConcurrentHashMap<>();
    private final Map<Long, SrtcpCryptoContext> rtcpIn = new ConcurrentHashMap<>();
    private final Map<Long, SrtcpCryptoContext> rtcpOut = new ConcurrentHashMap<>();

    SrtpSession(SrtpKeys keys) {
        this.receiving = new SrtpContextFactory(false, keys.receiveKey(), keys.receiveSalt(), policy(), policy(), LOGGER);
        this.sending = new SrtpContextFactory(true, keys.sendKey(), keys.sendSalt(), policy(), policy(), LOGGER);
    }

    private static SrtpPolicy policy() {
        SrtpPolicy policy = new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, 10, 14);
        // Retransmissions from the packet cache send an index again, on purpose.
        policy.setSendReplayEnabled(false);
        return policy;
    }

    /** Decrypts and authenticates in place; false when the packet does not check out. */
    boolean unprotectRtp(PacketBuffer packet, long ssrc) {
        return transform(context(rtpIn, ssrc, () -> receiving.deriveContext((int) ssrc, 0)),
                context -> context.reverseTransformPacket(packet, false));
    }

    boolean unprotectRtcp(PacketBuffer packet, long senderSsrc) {
        return transform(context(rtcpIn, senderSsrc, () -> receiving.deriveControlContext((int) senderSsrc)),
                context -> context.reverseTransformPacket(packet));
    }

    boolean protectRtp(PacketBuffer packet, long ssrc) {
        return transform(context(rtpOut, ssrc, () -> sending.deriveContext((int) ssrc, 0)),
                context -> context.transformPacket(packet));
    }

    boolean protectRtcp(PacketBuffer packet, long senderSsrc) {
        return transform(context(rtcpOut, senderSsrc, () -> sending.deriveControlContext((int) senderSsrc)),
                context -> context.transformPacket(packet));
    }

    private interface Transformation<T> {
        SrtpErrorStatus apply(T context) throws GeneralSecurityException;
    }

    /** False for a refused SSRC (no context), a packet that fails, or any error jitsi-srtp throws. */
    private static <T> boolean transform(T context, Transformation<T> transformation) {
        try {
            return context != null && transformation.apply(context) == SrtpErrorStatus.OK;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private interface Derivation<T> {
        T derive() throws GeneralSecurityException;
    }

    private static <T> T context(Map<Long, T> contexts, long ssrc, Derivation<T> derivation) {
        T existing = contexts.get(ssrc);
        if (existing != null) {
            return existing;
        }
        if (contexts.size() >= MAX_SSRCS) {
            return null;
        }
        return contexts.computeIfAbsent(ssrc, key -> {
            try {
                return derivation.derive();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot derive an SRTP context for SSRC " + key, e);
            }
        });
    }

    /**
     * Protects and unprotects one RTP and one RTCP packet with throw-away keys and says whether both
     * came back intact, {@code rounds} times for RTP. jitsi-srtp benchmarks the JVM's AES providers
     * at its first use (seconds on these machines); done here, at the plane's start, no
     * subscriber's first frame waits for it.
     */
    static boolean selfTest(SecureRandom random, int rounds) {
        byte[] key = new byte[SrtpKeys.KEY_BYTES];
        byte[] salt = new byte[SrtpKeys.SALT_BYTES];
        random.nextBytes(key);
        random.nextBytes(salt);
        SrtpSession sender = new SrtpSession(new SrtpKeys(new byte[SrtpKeys.KEY_BYTES], new byte[SrtpKeys.SALT_BYTES], key, salt));
        SrtpSession receiver = new SrtpSession(new SrtpKeys(key, salt, new byte[SrtpKeys.KEY_BYTES], new byte[SrtpKeys.SALT_BYTES]));
        try {
            byte[] rtp = new byte[112];
            rtp[0] = (byte) 0x80;
            rtp[1] = 96;
            Bytes.put32(rtp, 8, 0x5EED);
            boolean rtpIntact = true;
            // Rounds enough for the JIT to compile the crypto path, so a fresh JVM (a container
            // started per scenario) forwards its first packets at full speed.
            for (int round = 0; round < rounds && rtpIntact; round++) {
                Bytes.put16(rtp, 2, round & 0xFFFF);
                PacketBuffer packet = PacketBuffer.copyOf(rtp, 0, rtp.length);
                rtpIntact = sender.protectRtp(packet, 0x5EED) && receiver.unprotectRtp(packet, 0x5EED)
                        && Arrays.equals(packet.toArray(), rtp);
            }
            byte[] rtcp = Rtcp.pictureLossIndication(0x5EED, 1);
            PacketBuffer control = PacketBuffer.copyOf(rtcp, 0, rtcp.length);
            boolean rtcpIntact = sender.protectRtcp(control, 0x5EED) && receiver.unprotectRtcp(control, 0x5EED)
                    && Arrays.equals(control.toArray(), rtcp);
            return rtpIntact && rtcpIntact;
        } finally {
            sender.close();
            receiver.close();
        }
    }

    @Override
    public void close() {
        receiving.close();
        sending.close();
        rtpIn.clear();
        rtpOut.clear();
        rtcpIn.clear();
        rtcpOut.clear();
    }
}
