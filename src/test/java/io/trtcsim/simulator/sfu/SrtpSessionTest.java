package io.trtcsim.simulator.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SrtpSessionTest {

    private final List<SrtpSession> sessions = new ArrayList<>();
    private final Random random = new Random(99);

    @AfterEach
    void close() {
        sessions.forEach(SrtpSession::close);
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Two ends of one link: what one sends with, the other receives with. */
    private SrtpSession[] pair() {
        byte[] keyA = bytes(16);
        byte[] saltA = bytes(14);
        byte[] keyB = bytes(16);
        byte[] saltB = bytes(14);
        SrtpSession sender = new SrtpSession(new SrtpKeys(keyB, saltB, keyA, saltA));
        SrtpSession receiver = new SrtpSession(new SrtpKeys(keyA, saltA, keyB, saltB));
        sessions.add(sender);
        sessions.add(receiver);
        return new SrtpSession[] {sender, receiver};
    }

    private static PacketBuffer copy(byte[] packet) {
        return PacketBuffer.copyOf(packet, 0, packet.length);
    }

    private static byte[] rtp(int sequence, long ssrc) {
        return RtpHeaderTest.packet(96, sequence % 7 == 0, sequence, 90000L * sequence, ssrc, new long[0],
                new byte[] {0x22, 1, 2, 3}, 200 + sequence % 50, 0);
    }

    @Test
    void rtpRoundTrip() {
        SrtpSession[] link = pair();
        for (int sequence = 1; sequence <= 50; sequence++) {
            byte[] plain = rtp(sequence, 0xABCDEF01L);
            PacketBuffer packet = copy(plain);

            assertThat(link[0].protectRtp(packet, 0xABCDEF01L)).isTrue();
            byte[] wire = packet.toArray();
            assertThat(wire).hasSize(plain.length + 10);
            assertThat(Arrays.copyOf(wire, 20)).as("the header stays clear").isEqualTo(Arrays.copyOf(plain, 20));
            assertThat(Arrays.copyOfRange(wire, 20, plain.length)).as("the payload is encrypted")
                    .isNotEqualTo(Arrays.copyOfRange(plain, 20, plain.length));

            PacketBuffer received = copy(wire);
            assertThat(link[1].unprotectRtp(received, 0xABCDEF01L)).as("packet %d", sequence).isTrue();
            assertThat(received.toArray()).isEqualTo(plain);
        }
    }

    @Test
    void rtcpRoundTrip() {
        SrtpSession[] link = pair();
        for (int i = 0; i < 10; i++) {
            byte[] plain = Rtcp.compound(Rtcp.receiverReport(0x1234L, List.of(new Rtcp.ReportBlock(5, i, i, 6, 7, 8, 9))),
                    Rtcp.remb(0x1234L, 300_000 + i, List.of(5L)));
            PacketBuffer packet = copy(plain);

            assertThat(link[0].protectRtcp(packet, 0x1234L)).isTrue();
            byte[] wire = packet.toArray();
            assertThat(wire).as("E flag and index (4), tag (10)").hasSize(plain.length + 14);
            assertThat(wire[plain.length] & 0x80).as("the E flag: encrypted").isEqualTo(0x80);
            assertThat(Bytes.u32(wire, plain.length) & 0x7FFFFFFFL).as("SRTCP index").isEqualTo(i);

            PacketBuffer received = copy(wire);
            assertThat(link[1].unprotectRtcp(received, 0x1234L)).isTrue();
            assertThat(received.toArray()).isEqualTo(plain);
        }
    }

    @Test
    void theWrongKeysDoNotDecrypt() {
        SrtpSession[] link = pair();
        SrtpSession[] other = pair();
        PacketBuffer packet = copy(rtp(1, 7));
        link[0].protectRtp(packet, 7);

        assertThat(other[1].unprotectRtp(copy(packet.toArray()), 7)).isFalse();
        assertThat(link[0].unprotectRtp(copy(packet.toArray()), 7)).as("the sender's own receive key").isFalse();
    }

    @Test
    void aTamperedByteFailsAuthentication() {
        SrtpSession[] link = pair();
        byte[] plain = rtp(1, 42);
        PacketBuffer packet = copy(plain);
        link[0].protectRtp(packet, 42);
        byte[] wire = packet.toArray();

        for (int at : new int[] {1, 3, 7, 12, 20, plain.length - 1, plain.length, wire.length - 1}) {
            byte[] tampered = wire.clone();
            tampered[at] ^= 0x01;
            assertThat(link[1].unprotectRtp(copy(tampered), 42)).as("byte %d changed", at).isFalse();
        }
        assertThat(link[1].unprotectRtp(copy(wire), 42)).as("the original still passes").isTrue();
    }

    @Test
    void aTamperedRtcpByteFailsAuthentication() {
        SrtpSession[] link = pair();
        byte[] plain = Rtcp.pictureLossIndication(99, 42);
        PacketBuffer packet = copy(plain);
        link[0].protectRtcp(packet, 99);
        byte[] wire = packet.toArray();

        for (int at = 0; at < wire.length; at++) {
            if (at >= 4 && at < 8) {
                continue; // the sender SSRC picks the context; another one is just another (unknown) sender
            }
            byte[] tampered = wire.clone();
            tampered[at] ^= 0x10;
            assertThat(link[1].unprotectRtcp(copy(tampered), 99)).as("byte %d changed", at).isFalse();
        }
        assertThat(link[1].unprotectRtcp(copy(wire), 99)).isTrue();
    }

    @Test
    void aReplayedPacketIsRefused() {
        SrtpSession[] link = pair();
        PacketBuffer packet = copy(rtp(9, 42));
        link[0].protectRtp(packet, 42);
        byte[] wire = packet.toArray();

        assertThat(link[1].unprotectRtp(copy(wire), 42)).isTrue();
        assertThat(link[1].unprotectRtp(copy(wire), 42)).isFalse();
    }

    @Test
    void aRetransmissionMayBeProtectedAgain() {
        // Packets from the NACK cache go out again with their index: sending must allow that.
        SrtpSession[] link = pair();
        byte[] plain = rtp(3, 42);
        PacketBuffer first = copy(plain);
        PacketBuffer second = copy(plain);

        assertThat(link[0].protectRtp(first, 42)).isTrue();
        assertThat(link[0].protectRtp(second, 42)).isTrue();
        assertThat(second.toArray()).isEqualTo(first.toArray());
    }

    @Test
    void shortOrGarbagePacketsFailWithoutException() {
        SrtpSession[] link = pair();
        for (int length : new int[] {0, 1, 11, 12, 13, 21, 22}) {
            byte[] junk = bytes(length);
            if (length > 0) {
                junk[0] = (byte) 0x80;
            }
            assertThat(link[1].unprotectRtp(copy(junk), 5)).as("RTP of %d bytes", length).isFalse();
            assertThat(link[1].unprotectRtcp(copy(junk), 5)).as("RTCP of %d bytes", length).isFalse();
        }
    }

    @Test
    void moreThanMaxSsrcsAreRefused() {
        SrtpSession[] link = pair();
        List<byte[]> wires = new ArrayList<>();
        for (long ssrc = 1; ssrc <= SrtpSession.MAX_SSRCS; ssrc++) {
            PacketBuffer packet = copy(rtp(1, ssrc));
            assertThat(link[0].protectRtp(packet, ssrc)).as("SSRC %d", ssrc).isTrue();
            wires.add(packet.toArray());
            assertThat(link[1].unprotectRtp(copy(packet.toArray()), ssrc)).isTrue();
        }
        long oneTooMany = SrtpSession.MAX_SSRCS + 1;
        PacketBuffer extra = copy(rtp(1, oneTooMany));

        assertThat(link[0].protectRtp(extra, oneTooMany)).isFalse();
        assertThat(link[1].unprotectRtp(copy(rtp(1, oneTooMany)), oneTooMany)).isFalse();
        PacketBuffer known = copy(rtp(2, 3));
        assertThat(link[0].protectRtp(known, 3)).as("a known SSRC still works").isTrue();
        assertThat(link[1].unprotectRtp(copy(known.toArray()), 3)).isTrue();
        for (long ssrc = 100; ssrc < 100 + SrtpSession.MAX_SSRCS + 1; ssrc++) {
            assertThat(link[0].protectRtcp(copy(Rtcp.pictureLossIndication(ssrc, 1)), ssrc))
                    .as("RTCP sender %d", ssrc).isEqualTo(ssrc < 100 + SrtpSession.MAX_SSRCS);
        }
    }

    @Test
    void serverSideKeysAreTheClientsForReceiving() {
        // RFC 5764 4.2: client key, server key, client salt, server salt.
        byte[] material = bytes(60);
        byte[] clientKey = Arrays.copyOfRange(material, 0, 16);
        byte[] serverKey = Arrays.copyOfRange(material, 16, 32);
        byte[] clientSalt = Arrays.copyOfRange(material, 32, 46);
        byte[] serverSalt = Arrays.copyOfRange(material, 46, 60);
        SrtpKeys server = SrtpKeys.fromServerSide(material);

        assertThat(server.receiveKey()).isEqualTo(clientKey);
        assertThat(server.receiveSalt()).isEqualTo(clientSalt);
        assertThat(server.sendKey()).isEqualTo(serverKey);
        assertThat(server.sendSalt()).isEqualTo(serverSalt);
        SrtpSession client = new SrtpSession(new SrtpKeys(serverKey, serverSalt, clientKey, clientSalt));
        SrtpSession plane = new SrtpSession(server);
        sessions.add(client);
        sessions.add(plane);
        byte[] plain = rtp(5, 77);
        PacketBuffer packet = copy(plain);
        client.protectRtp(packet, 77);
        PacketBuffer received = copy(packet.toArray());
        assertThat(plane.unprotectRtp(received, 77)).isTrue();
        assertThat(received.toArray()).isEqualTo(plain);
    }

    @Test
    void keyingMaterialOfTheWrongLengthIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SrtpKeys.fromServerSide(new byte[59]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("59");
    }
}
