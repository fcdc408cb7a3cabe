package io.trtcsim.sdk;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import io.trtcsim.media.PeerLink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * TRTC's 'network-quality': every 2 seconds while the client is in a room, the quality of its
 * uplink (the published stream's connection) and its downlink (the worst of its subscriptions),
 * rated from what libwebrtc measured over the last period:
 * <ul>
 *   <li>uplink: loss from the receiver's reports — the packets they report lost since the last
 *   period (remote-inbound-rtp {@code packetsLost}) over the packets sent in it (outbound-rtp
 *   {@code packetsSent}); RTT from the reports ({@code roundTripTime}) or else from the
 *   connection's ICE pair ({@code currentRoundTripTime}). Cumulative counters rather than
 *   {@code fractionLost}: audio reports come only every ~5 s, and their fraction would still show
 *   a loss that ended seconds ago;</li>
 *   <li>downlink: loss from the packets received and lost since the last period (inbound-rtp), RTT
 *   from the ICE pair.</li>
 * </ul>
 * No uplink (nothing published) or no downlink rates 0, unknown; a connection that failed, or a
 * client whose signaling is down, rates 6, disconnected. It reads the client's statistics rounds
 * (see {@link StatsPoller}); one monitor lives from a join to the leave.
 */
final class NetworkQualityMonitor implements StatsPoller.Reader<PeerLink> {

    static final long PERIOD_MILLIS = 2000;

    /** What the client has now. */
    record Links(boolean signalingConnected, Optional<PeerLink> uplink, Collection<PeerLink> downlinks) {
    }

    /** Loss (%) and RTT (ms) of one connection; NaN where not measured. */
    record Figures(double lossPercent, double rttMillis, boolean failed) {
        static final Figures UNKNOWN = new Figures(Double.NaN, Double.NaN, false);
        static final Figures FAILED = new Figures(Double.NaN, Double.NaN, true);

        int quality() {
            return failed ? NetworkQuality.DISCONNECTED : NetworkQuality.rate(lossPercent, rttMillis);
        }
    }

    /**
     * Packets lost and received (downlink) or sent (uplink) so far, per connection, for the next
     * period; written as reports complete, on libwebrtc's threads.
     */
    private final Map<PeerLink, long[]> counters = new ConcurrentHashMap<>();
    private final Supplier<Links> currentLinks;
    private final Consumer<NetworkQuality> result;

    NetworkQualityMonitor(Supplier<Links> currentLinks, Consumer<NetworkQuality> result) {
        this.currentLinks = currentLinks;
        this.result = result;
    }

    @Override
    public void read(StatsPoller.Round<PeerLink> round) {
        Links links = currentLinks.get();
        if (!links.signalingConnected()) {
            result.accept(new NetworkQuality(NetworkQuality.DISCONNECTED, NetworkQuality.DISCONNECTED, 0, 0, 0, 0));
            return;
        }
        counters.keySet().removeIf(link -> !links.downlinks().contains(link) && !links.uplink().equals(Optional.of(link)));
        CompletableFuture<Figures> up = links.uplink().map(link -> measure(round, link, true))
                .orElse(CompletableFuture.completedFuture(Figures.UNKNOWN));
        List<CompletableFuture<Figures>> downs = new ArrayList<>();
        links.downlinks().forEach(link -> downs.add(measure(round, link, false)));
        CompletableFuture.allOf(downs.toArray(CompletableFuture[]::new)).thenCombine(up, (ignored, uplink) -> {
            Figures downlink = worst(downs.stream().map(CompletableFuture::join).toList());
            return new NetworkQuality(uplink.quality(), downlink.quality(), whole(uplink.rttMillis()),
                    whole(uplink.lossPercent()), whole(downlink.rttMillis()), whole(downlink.lossPercent()));
        }).thenAccept(result);
    }

    private CompletableFuture<Figures> measure(StatsPoller.Round<PeerLink> round, PeerLink link, boolean uplink) {
        if (link.connected().isCompletedExceptionally()) {
            return CompletableFuture.completedFuture(Figures.FAILED);
        }
        return round.report(link)
                .thenApply(report -> uplink ? uplinkFigures(link, report) : downlinkFigures(link, report))
                // Closed meanwhile: it is gone, not bad.
                .exceptionally(failure -> Figures.UNKNOWN);
    }

    Figures uplinkFigures(PeerLink link, RTCStatsReport report) {
        long lost = 0;
        long sent = 0;
        boolean reported = false;
        double rtt = Double.NaN;
        for (RTCStats stats : report.getStats().values()) {
            if (stats.getType() == RTCStatsType.REMOTE_INBOUND_RTP) {
                reported = true;
                lost += (long) zeroIfNaN(number(stats, "packetsLost"));
                rtt = max(rtt, number(stats, "roundTripTime") * 1000);
            } else if (stats.getType() == RTCStatsType.OUTBOUND_RTP) {
                sent += (long) zeroIfNaN(number(stats, "packetsSent"));
            }
        }
        long[] previous = counters.put(link, new long[] {lost, sent});
        double loss = !reported ? Double.NaN
                : sentLossPercent(previous == null ? 0 : previous[0], previous == null ? 0 : previous[1], lost, sent);
        return new Figures(loss, Double.isNaN(rtt) ? pairRttMillis(report) : rtt, false);
    }

    /** Loss reported over the period against what was sent in it; NaN when nothing was sent. */
    static double sentLossPercent(long lostBefore, long sentBefore, long lostNow, long sentNow) {
        long lost = Math.max(0, lostNow - lostBefore);
        long sent = Math.max(0, sentNow - sentBefore);
        return sent == 0 ? Double.NaN : Math.min(100.0, 100.0 * lost / sent);
    }

    Figures downlinkFigures(PeerLink link, RTCStatsReport report) {
        long lost = 0;
        long received = 0;
        for (RTCStats stats : report.getStats().values()) {
            if (stats.getType() == RTCStatsType.INBOUND_RTP) {
                lost += (long) zeroIfNaN(number(stats, "packetsLost"));
                received += (long) zeroIfNaN(number(stats, "packetsReceived"));
            }
        }
        long[] previous = counters.put(link, new long[] {lost, received});
        double loss = lossPercent(previous == null ? 0 : previous[0], previous == null ? 0 : previous[1], lost, received);
        return new Figures(loss, pairRttMillis(report), false);
    }

    /** Loss over the period between two readings of cumulative counters; NaN when nothing arrived. */
    static double lossPercent(long lostBefore, long receivedBefore, long lostNow, long receivedNow) {
        long lost = Math.max(0, lostNow - lostBefore);
        long received = Math.max(0, receivedNow - receivedBefore);
        return lost + received == 0 ? Double.NaN : 100.0 * lost / (lost + received);
    }

    /** The worst of several connections: the lowest quality, the highest loss and RTT. */
    static Figures worst(List<Figures> all) {
        if (all.isEmpty()) {
            return Figures.UNKNOWN;
        }
        double loss = Double.NaN;
        double rtt = Double.NaN;
        boolean failed = false;
        for (Figures figures : all) {
            loss = max(loss, figures.lossPercent());
            rtt = max(rtt, figures.rttMillis());
            failed |= figures.failed();
        }
        return new Figures(loss, rtt, failed);
    }

    private static double pairRttMillis(RTCStatsReport report) {
        return report.getStats().values().stream()
                .filter(stats -> stats.getType() == RTCStatsType.CANDIDATE_PAIR
                        && Boolean.TRUE.equals(stats.getAttributes().get("nominated")))
                .mapToDouble(stats -> number(stats, "currentRoundTripTime") * 1000)
                .filter(rtt -> !Double.isNaN(rtt))
                .max().orElse(Double.NaN);
    }

    private static double number(RTCStats stats, String key) {
        Object value = stats.getAttributes().get(key);
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static long whole(double value) {
        return Double.isNaN(value) ? 0 : Math.round(value);
    }
}
