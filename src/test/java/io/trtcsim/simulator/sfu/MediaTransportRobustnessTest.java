package io.trtcsim.simulator.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trtcsim.simulator.sfu.netem.ParticipantId;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ice4j.attribute.Attribute;
import org.ice4j.attribute.XorMappedAddressAttribute;
import org.ice4j.message.Message;
import org.ice4j.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A link's UDP port takes whatever arrives: counted, dropped, and the receive thread lives on. */
class MediaTransportRobustnessTest {

    private MediaPlane plane;
    private StreamForwarder forwarder;
    private StunTestMessages messages;
    private DatagramSocket socket;
    private DatagramSocket stranger;
    private InetSocketAddress link;
    private String ufrag;
    private String pwd;
    private final Random random = new Random(1600);

    @BeforeEach
    void setUp() throws Exception {
        plane = new MediaPlane("127.0.0.1", Duration.ofSeconds(2));
        forwarder = plane.forwarder("s", new ParticipantId(1, "alice"));
        UplinkPort port = UplinkPort.of(forwarder.acceptUplinkOffer(SdpFixtures.OFFER,
                Set.of(SdpMediaType.AUDIO, SdpMediaType.VIDEO)));
        link = port.address();
        ufrag = port.ufrag();
        pwd = port.pwd();
        messages = new StunTestMessages();
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        socket.setSoTimeout(3000);
        stranger = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    }

    @AfterEach
    void tearDown() {
        if (socket != null) {
            socket.close();
        }
        if (stranger != null) {
            stranger.close();
        }
        if (messages != null) {
            messages.close();
        }
        if (forwarder != null) {
            forwarder.close();
        }
        if (plane != null) {
            plane.close();
        }
    }

    private void send(DatagramSocket from, byte[] datagram) throws IOException {
        from.send(new DatagramPacket(datagram, datagram.length, link));
    }

    private byte[] junk(int first, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        bytes[0] = (byte) first;
        return bytes;
    }

    private Map<String, Object> uplink() {
        List<Map<String, Object>> links = plane.links();
        return links.stream().filter(view -> "uplink".equals(view.get("link"))).findFirst()
                .orElseThrow(() -> new AssertionError("no uplink among " + links));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> dropped() {
        return new LinkedHashMap<>((Map<String, Long>) uplink().get("dropped"));
    }

    private byte[] validRequest() {
        return messages.request(StunTestMessages.Spec.of(ufrag + ":" + SdpFixtures.PUBLISHER_UFRAG, pwd));
    }

    /** Sends a valid check and returns the decoded response. */
    private Response check() throws Exception {
        byte[] request = validRequest();
        send(socket, request);
        byte[] buffer = new byte[1500];
        DatagramPacket received = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(received);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no STUN response within 3 s: the receive thread is gone? drops " + dropped(), e);
        }
        byte[] response = Arrays.copyOf(buffer, received.getLength());
        Message decoded = Message.decode(response, 0, response.length);
        assertThat(decoded).isInstanceOf(Response.class);
        assertThat(decoded.getTransactionID()).isEqualTo(Arrays.copyOfRange(request, 8, 20));
        assertThat(StunTestMessages.integrityHolds(response, pwd)).isTrue();
        assertThat(StunTestMessages.fingerprintHolds(response)).isTrue();
        XorMappedAddressAttribute mapped = (XorMappedAddressAttribute) decoded.getAttribute(Attribute.XOR_MAPPED_ADDRESS);
        assertThat(mapped.getAddress(decoded.getTransactionID()).getPort()).isEqualTo(socket.getLocalPort());
        return (Response) decoded;
    }

    @Test
    void junkIsCountedAndDroppedAndChecksAreStillAnswered() throws Exception {
        // neither STUN, DTLS nor RTP by the first byte (RFC 7983)
        send(socket, junk(0x04, 50));
        send(socket, junk(0x40, 80));
        send(socket, junk(0xC0, 30));
        // STUN-looking, and refused
        byte[] valid = validRequest();
        for (int length : new int[] {1, 10, 20, 40, valid.length - 1}) {
            send(socket, Arrays.copyOf(valid, length));
        }
        send(socket, messages.request(StunTestMessages.Spec.of(ufrag + ":" + SdpFixtures.PUBLISHER_UFRAG,
                "wrongPasswordOf24CharsXy")));
        send(socket, messages.request(StunTestMessages.Spec.of("nope:" + SdpFixtures.PUBLISHER_UFRAG, pwd)));
        send(socket, junk(0x00, 64));
        // DTLS, RTP and RTCP from an address that never passed a check
        send(socket, junk(22, 120));
        send(socket, RtpHeaderTest.simple(1, 2, SdpFixtures.VIDEO_SSRC, 100));
        send(socket, Rtcp.pictureLossIndication(1, 2));
        // more than a datagram may carry here, and nothing at all
        send(socket, junk(0x80, 1600));
        send(socket, new byte[0]);

        Map<String, Long> expected = Map.of("not_stun_dtls_or_rtp", 3L, "stun_refused", 8L,
                "from_unknown_address", 3L, "oversized", 1L, "malformed", 1L);
        await("every datagram counted as dropped, by reason").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(dropped()).isEqualTo(expected));
        assertThat(uplink().get("stunChecks")).isEqualTo(0L);
        assertThat(uplink().get("peer")).as("no address is selected by junk").isEqualTo("");

        check();

        await("the check counted").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(uplink().get("stunChecks")).isEqualTo(1L));
        assertThat(uplink().get("peer")).asString().endsWith(":" + socket.getLocalPort());
    }

    @Test
    void afterACheckMediaBeforeDtlsIsDroppedAndStrangersStayUnknown() throws Exception {
        check();

        send(socket, RtpHeaderTest.simple(1, 2, SdpFixtures.VIDEO_SSRC, 100));
        send(socket, Rtcp.pictureLossIndication(1, 2));
        send(stranger, RtpHeaderTest.simple(2, 2, SdpFixtures.VIDEO_SSRC, 100));
        send(stranger, junk(23, 60));

        await("media before DTLS and from strangers dropped").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(dropped()).isEqualTo(Map.of("before_dtls", 2L, "from_unknown_address", 2L)));
        assertThat(uplink().get("peer")).asString().endsWith(":" + socket.getLocalPort());
        check();
    }

    @Test
    void aFloodOfJunkDoesNotStopTheReceiveThread() throws Exception {
        int sent = 0;
        for (int i = 0; i < 1000; i++) {
            int first = random.nextInt(256);
            if (first <= 3) {
                first += 4; // leave STUN out: refused STUN is counted separately
            }
            send(socket, junk(first, 1 + random.nextInt(1400)));
            sent++;
            if (sent % 100 == 0) {
                // Batches of 100: the 1 MB receive buffer holds a few hundred datagrams of this size,
                // so the kernel never drops one before the receive thread has seen it.
                int soFar = sent;
                await("the receive thread to count the " + soFar + " datagrams sent so far").atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(dropped().values().stream().mapToLong(Long::longValue).sum())
                                .isEqualTo(soFar));
            }
        }
        int total = sent;

        await("every datagram of the flood counted").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(dropped().values().stream().mapToLong(Long::longValue).sum())
                        .isEqualTo(total));
        assertThat(dropped()).containsOnlyKeys("not_stun_dtls_or_rtp", "from_unknown_address");
        check();
    }

    /** Nobody ever connects: the link gives up after the media timeout, it does not wait forever. */
    @Test
    void aLinkWhoseDtlsNeverCompletesFailsAfterTheMediaTimeout() {
        long began = System.nanoTime();
        await("the uplink nobody connects to, to fail").atMost(Duration.ofSeconds(8))
                .until(() -> forwarder.uplinkConnected().isCompletedExceptionally());
        double seconds = (System.nanoTime() - began) / 1e9;
        assertThat(seconds).as("seconds until the link gave up (media timeout 2 s)").isBetween(1.0, 6.0);
    }
}
