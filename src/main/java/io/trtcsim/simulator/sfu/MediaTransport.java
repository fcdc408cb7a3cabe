package io.trtcsim.simulator.sfu;

import io.trtcsim.simulator.sfu.netem.NetworkPath;
import io.trtcsim.simulator.sfu.netem.ParticipantId;
import io.trtcsim.simulator.sfu.netem.ParticipantNetwork;
import io.trtcsim.simulator.sfu.netem.StreamLoss;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer connection's transport as the media plane ends it: a UDP port of its own where STUN,
 * DTLS and SRTP arrive together (RFC 7983), ICE-lite checks answered, the DTLS server handshake,
 * then SRTP/SRTCP both ways. Its receive thread reads the port and calls the {@link Receiver}
 * with decrypted packets; sends come from any thread and take no lock of ours (jitsi-srtp
 * synchronizes its contexts; the socket is thread-safe). Bad input of any kind is counted and
 * dropped: nothing a peer sends can end the thread.
 *
 * <p>Every datagram crosses its owner's network: what arrives, the owner's {@link NetworkPath}
 * uplink; what leaves (STUN, DTLS, SRTP alike), its downlink. A neutral path is skipped. When a
 * path holds datagrams back, they are handled later on the path's thread; so that no two threads
 * ever handle this transport's datagrams at once, the receive thread handles one itself only when
 * the path is neutral <em>and</em> none of this transport's datagrams is still held there.
 */
final class MediaTransport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaTransport.class);
    static final int MAX_DATAGRAM = 1500;
    /** RFC 7675: without a consent check for this long, the path is taken as gone. */
    static final long CONSENT_TIMEOUT_NANOS = 30_000_000_000L;

    /** What the link does with what it decrypted. Called on the receive thread. */
    interface Receiver {
        boolean acceptsRtp(long ssrc);

        void onRtp(byte[] packet, RtpHeader header, long arrivalNanos);

        /** A compound packet, already split into its parts (a malformed one never gets here). */
        void onRtcp(byte[] packet, List<Rtcp.Part> parts, long arrivalNanos);
    }

    private final String name;
    private final MediaPlane plane;
    private final IceCredentials local;
    private final DatagramSocket socket;
    private final LinkCounters counters = new LinkCounters();
    private final Set<InetSocketAddress> checkedAddresses = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final CompletableFuture<String> failed = new CompletableFuture<>();
    private final DtlsDatagramTransport dtls;
    private final Thread receiveThread;
    private final ParticipantId owner;
    private final NetworkPath ingress;
    private final NetworkPath egress;
    /** A loss of this transport's stream alone (downlinks), or null. */
    private final StreamLoss streamLoss;
    /** Datagrams of this transport held by its network paths, each way. */
    private final AtomicInteger heldIngress = new AtomicInteger();
    private final AtomicInteger heldEgress = new AtomicInteger();
    private volatile Receiver receiver;
    private volatile Negotiation.RemoteEndpoint remote;
    private volatile InetSocketAddress selected;
    private volatile SrtpSession srtp;
    private volatile DTLSTransport dtlsTransport;
    private volatile long lastCheckNanos;
    private volatile boolean closed;

    /**
     * @param owner      whose peer connection this is: its network conditions apply
     * @param streamLoss a loss of this stream alone on top of the owner's downlink, or null
     */
    MediaTransport(MediaPlane plane, String name, ParticipantId owner, StreamLoss streamLoss) {
        this.plane = plane;
        this.name = name;
        this.owner = owner;
        ParticipantNetwork network = plane.network().of(owner);
        this.ingress = network.uplink();
        this.egress = network.downlink();
        this.streamLoss = streamLoss;
        this.local = IceCredentials.random(plane.random());
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(plane.address(), 0));
            socket.setReceiveBufferSize(1 << 20);
        } catch (SocketException e) {
            throw new IllegalStateException("cannot open a UDP port on " + plane.address() + " for " + name, e);
        }
        this.dtls = new DtlsDatagramTransport(this::sendRaw);
        plane.responder().register(local);
        this.receiveThread = new Thread(this::receiveLoop, "sfu-rx-" + name);
        receiveThread.setDaemon(true);
    }

    String name() {
        return name;
    }

    ParticipantId owner() {
        return owner;
    }

    LinkCounters counters() {
        return counters;
    }

    SdpWriter.LocalEndpoint localEndpoint() {
        return new SdpWriter.LocalEndpoint(plane.address().getHostAddress(), socket.getLocalPort(), local,
                plane.certificate().fingerprint());
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Once the peer's description is known: whom to answer, whose certificate to expect. Starts the link. */
    void start(Negotiation.RemoteEndpoint peer, Receiver handler) {
        if (remote != null) {
            throw new IllegalStateException(name + " has started already");
        }
        this.remote = peer;
        this.receiver = handler;
        receiveThread.start();
        plane.handshakes().execute(this::handshakeThenServeDtls);
    }

    /** Completes when DTLS is done and SRTP keys exist; fails if the handshake fails or the link closes. */
    CompletableFuture<Void> connected() {
        return connected;
    }

    /** Completes (with the reason) when a link that was up is lost: consent expired, DTLS closed. */
    CompletableFuture<String> failed() {
        return failed;
    }

    boolean isConnected() {
        return srtp != null && !closed;
    }

    Optional<InetSocketAddress> peerAddress() {
        return Optional.ofNullable(selected);
    }

    private void receiveLoop() {
        byte[] buffer = new byte[MAX_DATAGRAM + 1];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
            } catch (IOException e) {
                if (!closed) {
                    log.debug("{}: receive failed", name, e);
                }
                return;
            }
            InetSocketAddress from = (InetSocketAddress) datagram.getSocketAddress();
            if (ingress.isNeutral() && heldIngress.get() == 0) {
                handleSafely(buffer, datagram.getLength(), from);
            } else {
                holdIngress(Arrays.copyOf(buffer, datagram.getLength()), from);
            }
        }
    }

    /** The uplink path decides; what passes is handled on the path's thread at its release time. */
    private void holdIngress(byte[] copy, InetSocketAddress from) {
        heldIngress.incrementAndGet();
        boolean held = ingress.offer(copy, released -> {
            try {
                if (!closed) {
                    handleSafely(released, released.length, from);
                }
            } finally {
                heldIngress.decrementAndGet();
            }
        });
        if (!held) {
            heldIngress.decrementAndGet();
        }
    }

    private void handleSafely(byte[] buffer, int length, InetSocketAddress from) {
        try {
            handle(buffer, length, from);
        } catch (RuntimeException e) {
            counters.dropped(LinkCounters.Drop.OTHER);
            log.debug("{}: a datagram could not be handled", name, e);
        }
    }

    private void handle(byte[] buffer, int length, InetSocketAddress from) {
        long now = System.nanoTime();
        if (length > MAX_DATAGRAM) {
            counters.dropped(LinkCounters.Drop.OVERSIZED);
            return;
        }
        if (length < 1) {
            counters.dropped(LinkCounters.Drop.MALFORMED);
            return;
        }
        int first = buffer[0] & 0xFF;
        if (first <= 3) {
            onStun(buffer, length, from, now);
        } else if (first >= 20 && first <= 63) {
            if (!checkedAddresses.contains(from)) {
                counters.dropped(LinkCounters.Drop.FROM_UNKNOWN_ADDRESS);
            } else if (!dtls.offer(Arrays.copyOf(buffer, length))) {
                counters.dropped(LinkCounters.Drop.DTLS_QUEUE_FULL);
            }
        } else if (first >= 128 && first <= 191) {
            onSrtp(buffer, length, from, now);
        } else {
            counters.dropped(LinkCounters.Drop.NOT_STUN_DTLS_OR_RTP);
        }
    }

    private void onStun(byte[] buffer, int length, InetSocketAddress from, long now) {
        Optional<StunResponder.Answer> answer = plane.responder().answer(buffer, 0, length, from, local, remote.ufrag());
        if (answer.isEmpty()) {
            counters.dropped(LinkCounters.Drop.STUN_REFUSED);
            return;
        }
        counters.stunChecks.incrementAndGet();
        checkedAddresses.add(from);
        lastCheckNanos = now;
        // ICE-lite: media goes where the controlling agent nominated; before that, where checks came from.
        if (answer.get().useCandidate() || selected == null) {
            selected = from;
        }
        byte[] response = answer.get().response();
        try {
            emit(response, 0, response.length, from);
        } catch (IOException e) {
            log.debug("{}: a STUN response could not be sent", name, e);
        }
    }

    private void onSrtp(byte[] buffer, int length, InetSocketAddress from, long now) {
        SrtpSession session = srtp;
        if (!checkedAddresses.contains(from)) {
            counters.dropped(LinkCounters.Drop.FROM_UNKNOWN_ADDRESS);
            return;
        }
        if (session == null) {
            counters.dropped(LinkCounters.Drop.BEFORE_DTLS);
            return;
        }
        if (RtpHeader.isRtcp(buffer, 0, length)) {
            // Sender SSRC (8 bytes of header), SRTCP index (4) and tag (10) at least.
            if (length < 8 + 14) {
                counters.dropped(LinkCounters.Drop.MALFORMED);
                return;
            }
            PacketBuffer packet = PacketBuffer.copyOf(buffer, 0, length);
            if (!session.unprotectRtcp(packet, Bytes.u32(buffer, 4))) {
                counters.dropped(LinkCounters.Drop.SRTP_AUTH_FAILED);
                return;
            }
            counters.rtcpIn.incrementAndGet();
            byte[] plain = packet.toArray();
            List<Rtcp.Part> parts = Rtcp.parts(plain, 0, plain.length);
            if (parts.isEmpty()) {
                counters.dropped(LinkCounters.Drop.MALFORMED);
                return;
            }
            receiver.onRtcp(plain, parts, now);
            return;
        }
        Optional<RtpHeader> header = RtpHeader.parseProtected(buffer, 0, length);
        if (header.isEmpty() || length < header.get().headerLength() + 10) {
            counters.dropped(LinkCounters.Drop.MALFORMED);
            return;
        }
        long ssrc = header.get().ssrc();
        if (!receiver.acceptsRtp(ssrc)) {
            counters.dropped(LinkCounters.Drop.UNKNOWN_SSRC);
            return;
        }
        PacketBuffer packet = PacketBuffer.copyOf(buffer, 0, length);
        if (!session.unprotectRtp(packet, ssrc)) {
            counters.dropped(LinkCounters.Drop.SRTP_AUTH_FAILED);
            return;
        }
        byte[] plain = packet.toArray();
        Optional<RtpHeader> decrypted = RtpHeader.parse(plain, 0, plain.length);
        if (decrypted.isEmpty()) {
            counters.dropped(LinkCounters.Drop.MALFORMED);
            return;
        }
        counters.packetsIn.incrementAndGet();
        counters.bytesIn.addAndGet(length);
        receiver.onRtp(plain, decrypted.get(), now);
    }

    /**
     * The DTLS server handshake, on a thread of the plane's handshake pool; afterwards the same
     * thread keeps reading DTLS so that a client that lost our last flight gets it again.
     */
    private void handshakeThenServeDtls() {
        DtlsServer server = new DtlsServer(plane.crypto(), plane.certificate(), remote.fingerprint(),
                (int) plane.mediaTimeout().toMillis());
        try {
            DTLSTransport transport = new DTLSServerProtocol().accept(server, dtls);
            dtlsTransport = transport;
            srtp = new SrtpSession(server.keys());
            lastCheckNanos = System.nanoTime();
            connected.complete(null);
            byte[] buffer = new byte[2048];
            while (!closed) {
                long before = System.nanoTime();
                int received = transport.receive(buffer, 0, buffer.length, 1000);
                // -1 long before the wait ends: the record layer is closed (the peer's close_notify).
                if (received < 0 && System.nanoTime() - before < 500_000_000L) {
                    if (!closed) {
                        failed.complete("the peer of " + name + " closed DTLS");
                    }
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                if (connected.completeExceptionally(new IllegalStateException("DTLS handshake of " + name + " failed: "
                        + e.getMessage()))) {
                    log.info("DTLS handshake of {} failed: {}", name, e.getMessage());
                } else {
                    // After the handshake, Bouncy Castle closes its transport when the peer sends close_notify.
                    failed.complete("the peer of " + name + " closed DTLS (" + e.getMessage() + ")");
                }
            }
        }
    }

    /** From the plane's timer: a connected link whose peer stopped its consent checks is gone. */
    void checkConsent(long nowNanos) {
        counters.sample(nowNanos);
        if (isConnected() && nowNanos - lastCheckNanos > CONSENT_TIMEOUT_NANOS) {
            failed.complete("no ICE consent check from the peer of " + name + " for 30 s");
        }
    }

    void sendRtp(byte[] plain, int length, long ssrc) {
        SrtpSession session = srtp;
        InetSocketAddress to = selected;
        if (session == null || to == null || closed) {
            return;
        }
        PacketBuffer packet = PacketBuffer.copyOf(plain, 0, length);
        if (session.protectRtp(packet, ssrc)) {
            counters.packetsOut.incrementAndGet();
            counters.bytesOut.addAndGet(packet.getLength());
            sendTo(packet, to);
        }
    }

    void sendRtcp(byte[] plain) {
        SrtpSession session = srtp;
        InetSocketAddress to = selected;
        if (session == null || to == null || closed || plain.length < 8) {
            return;
        }
        PacketBuffer packet = PacketBuffer.copyOf(plain, 0, plain.length);
        if (session.protectRtcp(packet, Bytes.u32(plain, 4))) {
            counters.rtcpOut.incrementAndGet();
            sendTo(packet, to);
        }
    }

    private void sendTo(PacketBuffer packet, InetSocketAddress to) {
        try {
            emit(packet.getBuffer(), packet.getOffset(), packet.getLength(), to);
        } catch (IOException e) {
            if (!closed) {
                log.debug("{}: send failed", name, e);
            }
        }
    }

    private void sendRaw(byte[] data, int offset, int length) throws IOException {
        InetSocketAddress to = selected;
        if (to == null) {
            throw new IOException("no ICE check has reached " + name + " yet");
        }
        emit(data, offset, length, to);
    }

    /**
     * Every datagram leaves here: through the owner's downlink path, unless that is neutral and
     * holds none of ours (then at once, as without conditions). A held datagram is copied, since
     * callers reuse their buffers; its send errors are only logged, later, on the path's thread.
     */
    private void emit(byte[] data, int offset, int length, InetSocketAddress to) throws IOException {
        if (streamLoss != null && streamLoss.drops()) {
            return;
        }
        if (egress.isNeutral() && heldEgress.get() == 0) {
            socket.send(new DatagramPacket(data, offset, length, to));
            return;
        }
        heldEgress.incrementAndGet();
        boolean held = egress.offer(Arrays.copyOfRange(data, offset, offset + length), released -> {
            try {
                if (!closed) {
                    socket.send(new DatagramPacket(released, released.length, to));
                }
            } catch (IOException e) {
                log.debug("{}: a datagram held by the network could not be sent", name, e);
            } finally {
                heldEgress.decrementAndGet();
            }
        });
        if (!held) {
            heldEgress.decrementAndGet();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        plane.responder().unregister(local);
        DTLSTransport transport = dtlsTransport;
        if (transport != null) {
            try {
                transport.close();
            } catch (IOException | RuntimeException e) {
                log.debug("{}: DTLS close_notify not sent", name, e);
            }
        }
        dtls.close();
        socket.close();
        SrtpSession session = srtp;
        if (session != null) {
            session.close();
        }
        connected.completeExceptionally(new IllegalStateException("link " + name + " closed"));
    }

    @Override
    public String toString() {
        return name + " (port " + socket.getLocalPort() + ")";
    }
}
