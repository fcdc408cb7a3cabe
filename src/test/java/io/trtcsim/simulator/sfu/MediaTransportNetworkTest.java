package io.trtcsim.simulator.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trtcsim.network.LinkConditions;
import io.trtcsim.network.NetworkConditions;
import io.trtcsim.simulator.sfu.netem.NetworkPath;
import io.trtcsim.simulator.sfu.netem.ParticipantId;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Network conditions on a real link's UDP port: an ICE check to alice's uplink crosses her uplink
 * path, its answer her downlink path, through real sockets and the paths' threads.
 */
class MediaTransportNetworkTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ParticipantId ALICE = new ParticipantId(1400000001, "alice");

    private MediaPlane plane;
    private StreamForwarder forwarder;
    private StunTestMessages messages;
    private DatagramSocket socket;
    private UplinkPort uplink;

    @BeforeEach
    void setUp() throws Exception {
        plane = new MediaPlane("127.0.0.1", Duration.ofSeconds(2));
        forwarder = plane.forwarder("alice_main", ALICE);
        uplink = UplinkPort.of(forwarder.acceptUplinkOffer(SdpFixtures.OFFER,
                Set.of(SdpMediaType.AUDIO, SdpMediaType.VIDEO)));
        messages = new StunTestMessages();
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(3000);
    }

    @AfterEach
    void tearDown() {
        socket.close();
        messages.close();
        forwarder.close();
        plane.close();
    }

    private byte[] checkRequest() {
        return messages.request(StunTestMessages.Spec.of(uplink.ufrag() + ":" + SdpFixtures.PUBLISHER_UFRAG, uplink.pwd()));
    }

    /** Sends an ICE check and returns the round trip in nanoseconds, once its answer is back. */
    private long checkRoundTrip() throws Exception {
        byte[] request = checkRequest();
        byte[] buffer = new byte[1500];
        DatagramPacket received = new DatagramPacket(buffer, buffer.length);
        long sent = System.nanoTime();
        socket.send(new DatagramPacket(request, request.length, uplink.address()));
        socket.receive(received);
        long roundTrip = System.nanoTime() - sent;
        assertThat(Arrays.copyOfRange(buffer, 8, 20)).as("the answer to this check").isEqualTo(Arrays.copyOfRange(request, 8, 20));
        return roundTrip;
    }

    private Map<String, Object> uplinkView() {
        return plane.links().stream().filter(view -> "uplink".equals(view.get("link"))).findFirst().orElseThrow();
    }

    @Test
    void a100MsDelayEachWayMakesA200MsRoundTrip() throws Exception {
        long direct = checkRoundTrip();
        plane.network().set(ALICE, new NetworkConditions(LinkConditions.NONE.withDelay(Duration.ofMillis(100)),
                LinkConditions.NONE.withDelay(Duration.ofMillis(100))));

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            millis.add(checkRoundTrip() / 1000 / 1000);
        }

        assertThat(direct / 1_000_000).as("without conditions").isLessThan(10);
        assertThat(millis).as("round trips in ms").allMatch(rtt -> rtt >= 200 && rtt <= 210);
        assertThat(uplinkView()).containsEntry("owner", "1400000001/alice");
        assertThat(plane.networkPaths()).extracting(path -> path.get("direction")).containsExactlyInAnyOrder("uplink", "downlink");
    }

    @Test
    void anUplinkOutageSilencesChecksUntilLifted() throws Exception {
        NetworkPath path = plane.network().of(ALICE).uplink();
        plane.network().set(ALICE, new NetworkConditions(LinkConditions.NONE.withDown(true), LinkConditions.NONE));
        byte[] request = checkRequest();
        socket.send(new DatagramPacket(request, request.length, uplink.address()));

        await("the check dropped by the outage").atMost(WAIT).until(() -> path.droppedByOutage() == 1);
        assertThat(uplinkView().get("stunChecks")).isEqualTo(0L);

        plane.network().clear(ALICE);
        assertThat(checkRoundTrip() / 1_000_000).isLessThan(100);
        assertThat(uplinkView().get("stunChecks")).isEqualTo(1L);
    }

    @SuppressWarnings("unchecked")
    private long dropped() {
        return ((Map<String, Long>) uplinkView().get("dropped")).values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void datagramsHeldWhenConditionsAreLiftedAreStillHandled() throws Exception {
        plane.network().set(ALICE, new NetworkConditions(LinkConditions.NONE.withDelay(Duration.ofMillis(50)), LinkConditions.NONE));
        byte[] junk = new byte[40];
        junk[0] = 0x04; // neither STUN, DTLS nor RTP: counted as dropped by the transport itself
        for (int i = 0; i < 30; i++) {
            socket.send(new DatagramPacket(junk, junk.length, uplink.address()));
        }
        await("the first 30 held by the uplink path").atMost(WAIT)
                .until(() -> plane.network().of(ALICE).uplink().queued() + dropped() == 30);
        plane.network().clear(ALICE);
        for (int i = 0; i < 30; i++) {
            socket.send(new DatagramPacket(junk, junk.length, uplink.address()));
        }

        await("all 60 handled, the held ones by the path's thread, the rest by the receive thread")
                .atMost(WAIT).until(() -> dropped() == 60);
        assertThat(checkRoundTrip() / 1_000_000).isLessThan(100);
    }
}
