package io.trtcsim.simulator.sfu;

import io.trtcsim.simulator.sfu.netem.NetworkEmulation;
import io.trtcsim.simulator.sfu.netem.ParticipantId;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjLongConsumer;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's media plane: a packet-forwarding SFU in Java. Each published stream has a
 * {@link StreamForwarder}; each peer connection ends in a {@link MediaTransport} with its own UDP
 * port on the plane's address (ICE-lite host candidate, DTLS server, SRTP). Packets are decrypted
 * on the uplink's receive thread and re-encrypted per downlink; nothing is decoded or encoded.
 * One timer thread sends the periodic RTCP (receiver reports, REMB, NACK retries) and checks
 * consent; a small pool runs DTLS handshakes. All threads are named {@code sfu-...}.
 */
public final class MediaPlane implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaPlane.class);
    static final long REPORT_INTERVAL_MILLIS = 1000;
    static final long NACK_INTERVAL_MILLIS = 40;
    /** Packets run through SRTP at start: past the JIT's compile thresholds of the crypto path. */
    static final int SRTP_WARM_UP_ROUNDS = 20_000;

    private final SecureRandom random = new SecureRandom();
    private final InetAddress address;
    private final Duration mediaTimeout;
    private final NetworkEmulation network;
    private final DtlsCertificate certificate;
    private final BcTlsCrypto crypto;
    private final StunResponder responder = new StunResponder();
    private final ScheduledExecutorService timer;
    private final ExecutorService handshakes;
    private final Set<StreamForwarder> forwarders = ConcurrentHashMap.newKeySet();
    /** Final figures of links that closed, newest last, so a report made after the call still has them. */
    private final Deque<Map<String, Object>> closedLinks = new ConcurrentLinkedDeque<>();
    static final int CLOSED_LINKS_KEPT = 200;

    public MediaPlane(String host, Duration mediaTimeout) {
        this.address = candidateAddress(host);
        this.mediaTimeout = mediaTimeout;
        this.network = new NetworkEmulation(new SplittableRandom(random.nextLong()), System::nanoTime);
        this.certificate = DtlsCertificate.generate(random);
        long started = System.nanoTime();
        if (!SrtpSession.selfTest(random, SRTP_WARM_UP_ROUNDS)) {
            throw new IllegalStateException("SRTP does not work in this JVM: a packet protected and unprotected"
                    + " with the same keys did not come back intact");
        }
        log.info("SRTP self-test and warm-up ({} packets) took {} ms", SRTP_WARM_UP_ROUNDS,
                (System.nanoTime() - started) / 1_000_000);
        this.crypto = new BcTlsCrypto(random);
        this.timer = Executors.newSingleThreadScheduledExecutor(named("sfu-timer"));
        this.handshakes = Executors.newCachedThreadPool(named("sfu-dtls"));
        timer.scheduleAtFixedRate(this::report, REPORT_INTERVAL_MILLIS, REPORT_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::retryNacks, NACK_INTERVAL_MILLIS, NACK_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        log.info("media plane on {} (ICE-lite host candidates, DTLS fingerprint {})", address.getHostAddress(),
                certificate.fingerprint().substring(0, 11) + "...");
    }

    /**
     * The address of the host candidates: the configured host, or for a wildcard (0.0.0.0, ::)
     * this machine's first non-loopback IPv4 address, as a container reached from outside needs.
     */
    static InetAddress candidateAddress(String host) {
        try {
            InetAddress configured = InetAddress.getByName(host);
            if (!configured.isAnyLocalAddress()) {
                return configured;
            }
            for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!face.isUp() || face.isLoopback()) {
                    continue;
                }
                for (InetAddress candidate : Collections.list(face.getInetAddresses())) {
                    if (candidate instanceof Inet4Address) {
                        return candidate;
                    }
                }
            }
            return InetAddress.getLoopbackAddress();
        } catch (UnknownHostException | SocketException e) {
            throw new IllegalArgumentException("media host '" + host + "' cannot be resolved: " + e.getMessage(), e);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A forwarder for a newly published stream; it lives until closed. */
    public StreamForwarder forwarder(String streamId, ParticipantId publisher) {
        StreamForwarder forwarder = new StreamForwarder(this, streamId, publisher);
        forwarders.add(forwarder);
        return forwarder;
    }

    void forget(StreamForwarder forwarder) {
        forwarders.remove(forwarder);
    }

    /** Every link of every stream with its counters: the simulator's own view of its media. */
    public List<Map<String, Object>> links() {
        List<Map<String, Object>> links = new ArrayList<>();
        for (StreamForwarder forwarder : forwarders) {
            links.addAll(forwarder.links());
        }
        return links;
    }

    /** Each participant's network path with conditions or figures, and each stream loss. */
    public List<Map<String, Object>> networkPaths() {
        return network.view();
    }

    /** The links that have closed, with their figures at closing, oldest first (the last 200). */
    public List<Map<String, Object>> closedLinks() {
        return new ArrayList<>(closedLinks);
    }

    void retire(Map<String, Object> finalView) {
        closedLinks.add(finalView);
        while (closedLinks.size() > CLOSED_LINKS_KEPT) {
            closedLinks.pollFirst();
        }
    }

    private void report() {
        eachForwarder("periodic RTCP", StreamForwarder::periodic);
    }

    private void retryNacks() {
        eachForwarder("NACK retries and transport feedback", StreamForwarder::retryNacks);
    }

    /** Runs a timer task on every forwarder; one that fails is logged, the others still run. */
    private void eachForwarder(String what, ObjLongConsumer<StreamForwarder> task) {
        long now = System.nanoTime();
        for (StreamForwarder forwarder : forwarders) {
            try {
                task.accept(forwarder, now);
            } catch (RuntimeException e) {
                log.warn("{} of {} failed", what, forwarder, e);
            }
        }
    }

    SecureRandom random() {
        return random;
    }

    InetAddress address() {
        return address;
    }

    Duration mediaTimeout() {
        return mediaTimeout;
    }

    /**
     * The network conditions of each participant (both ways) and of single streams, changeable
     * during a call; they apply to every datagram of the participant's transports.
     */
    public NetworkEmulation network() {
        return network;
    }

    DtlsCertificate certificate() {
        return certificate;
    }

    BcTlsCrypto crypto() {
        return crypto;
    }

    StunResponder responder() {
        return responder;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    ExecutorService handshakes() {
        return handshakes;
    }

    @Override
    public void close() {
        for (StreamForwarder forwarder : new ArrayList<>(forwarders)) {
            forwarder.close();
        }
        network.close();
        timer.shutdownNow();
        handshakes.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
            handshakes.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        responder.close();
    }
}
