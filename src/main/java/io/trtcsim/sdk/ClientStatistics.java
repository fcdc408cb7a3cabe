package io.trtcsim.sdk;

import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import io.trtcsim.media.InboundVideoStats;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.PeerLink;
import io.trtcsim.media.StatsSample;
import io.trtcsim.media.StatsSampler;
import io.trtcsim.trtc.MediaKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A client's statistics: ONE poller of getStats() over its connections (see {@link StatsPoller})
 * and the readers of its reports — the recording behind {@code statsSamples()} (every connection
 * once a second), the network-quality monitor (every 2 s) and the audio-volume evaluation (at its
 * interval) — and the answers to TRTC's getLocal/RemoteAudio/VideoStats and getTransportStats.
 *
 * <p>Those answers ask getStats() afresh, in a round of their own, rather than reading the poller's
 * last reports: TRTC answers with the counters as of the call, and a step that compares
 * bytesReceived before and after an action would otherwise read a report up to a second old (or
 * none, for a connection opened since the last tick). They are asked a few times a scenario, so
 * they add no steady load to libwebrtc.
 */
final class ClientStatistics implements AutoCloseable {

    static final long RECORDING_PERIOD_MILLIS = 1000;

    private final String userId;
    private final MediaClock clock;
    private final Uplink uplink;
    private final Subscriptions subscriptions;
    private final StatsPoller<PeerLink> poller;
    private final StatsSampler recorded;
    private final AtomicBoolean recording = new AtomicBoolean();

    ClientStatistics(String userId, MediaClock clock, Uplink uplink, Subscriptions subscriptions, StatsPoller.Ticks ticks) {
        this.userId = userId;
        this.clock = clock;
        this.uplink = uplink;
        this.subscriptions = subscriptions;
        this.poller = new StatsPoller<>(ticks, PeerLink::stats);
        this.recorded = new StatsSampler(clock);
    }

    /** Records every connection once a second from now until close; a client has none before its first join. */
    void startRecording() {
        if (recording.compareAndSet(false, true)) {
            poller.every(RECORDING_PERIOD_MILLIS, round -> {
                for (PeerLink link : allLinks()) {
                    round.report(link).thenAccept(report -> recorded.record(link.name(), report));
                }
            });
        }
    }

    /** A periodic reader of the client's reports; see {@link StatsPoller#every}. */
    StatsPoller.Registration every(long periodMillis, StatsPoller.Reader<PeerLink> reader) {
        return poller.every(periodMillis, reader);
    }

    List<StatsSample> samples() {
        return recorded.samples();
    }

    private List<PeerLink> allLinks() {
        List<PeerLink> all = new ArrayList<>(uplink.links());
        all.addAll(subscriptions.links());
        return all;
    }

    /** What network-quality rates now. */
    NetworkQualityMonitor.Links qualityLinks(boolean signalingConnected) {
        return new NetworkQualityMonitor.Links(signalingConnected, uplink.link(),
                subscriptions.downlinks().stream().map(Subscriptions.Downlink::link).toList());
    }

    /** The connections carrying audio now: the uplink (own audio) and each downlink, by userId. */
    Map<String, AudioVolumeEvaluation.MeasuredLink> audioLinks() {
        Map<String, AudioVolumeEvaluation.MeasuredLink> links = new TreeMap<>();
        uplink.link().filter(link -> uplink.sendsAudio())
                .ifPresent(link -> links.put(userId, new AudioVolumeEvaluation.MeasuredLink(link, true)));
        for (Subscriptions.Downlink downlink : subscriptions.downlinks()) {
            if (downlink.carriesAudio()) {
                links.put(downlink.owner(), new AudioVolumeEvaluation.MeasuredLink(downlink.link(), false));
            }
        }
        return links;
    }

    /** The outbound-rtp values of {@code kind} of the uplink, by the client's userId; empty when nothing is published. */
    CompletableFuture<Map<String, Map<String, Object>>> local(MediaKind kind, List<String> keys) {
        return uplink.link()
                .map(link -> poller.roundNow().report(link)
                        .thenApply(report -> Map.of(userId, pick(report, RTCStatsType.OUTBOUND_RTP, kind, keys))))
                .orElse(CompletableFuture.completedFuture(Map.of()));
    }

    /** The inbound-rtp values of {@code kind} of every downlink, by the userId whose stream it carries. */
    CompletableFuture<Map<String, Map<String, Object>>> remote(MediaKind kind, List<String> keys) {
        StatsPoller.Round<PeerLink> round = poller.roundNow();
        Map<String, CompletableFuture<Map<String, Object>>> perUser = new TreeMap<>();
        for (Subscriptions.Downlink downlink : subscriptions.downlinks()) {
            perUser.put(downlink.owner(), round.report(downlink.link())
                    .thenApply(report -> pick(report, RTCStatsType.INBOUND_RTP, kind, keys)));
        }
        return allOf(perUser, TreeMap::new);
    }

    /**
     * The counters of the video received from {@code publisherId} as of now (a getStats() of its
     * own), stamped when the report arrived; empty when not subscribed or before any video.
     */
    CompletableFuture<Optional<InboundVideoStats>> receivedVideo(String publisherId) {
        return subscriptions.downlinkOf(publisherId)
                .map(link -> poller.roundNow().report(link)
                        .thenApply(report -> InboundVideoStats.from(report, clock.nowMicros())))
                .orElse(CompletableFuture.completedFuture(Optional.empty()));
    }

    /** getTransportStats(): {rtt (ms, uplink), downlinksRTTStats: {userId: {rtt}}}. */
    CompletableFuture<Map<String, Object>> transport() {
        StatsPoller.Round<PeerLink> round = poller.roundNow();
        CompletableFuture<Double> uplinkRtt = uplink.link().map(link -> rttMillis(round, link))
                .orElse(CompletableFuture.completedFuture(Double.NaN));
        Map<String, CompletableFuture<Map<String, Object>>> downRtts = new TreeMap<>();
        for (Subscriptions.Downlink downlink : subscriptions.downlinks()) {
            downRtts.put(downlink.owner(), rttMillis(round, downlink.link()).thenApply(rtt -> Map.of("rtt", rtt)));
        }
        return allOf(downRtts, LinkedHashMap::new).thenCombine(uplinkRtt, (downs, rtt) -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rtt", rtt);
            result.put("downlinksRTTStats", downs);
            return result;
        });
    }

    private static <V> CompletableFuture<Map<String, V>> allOf(Map<String, CompletableFuture<V>> futures,
                                                               Supplier<Map<String, V>> into) {
        return CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, V> result = into.get();
            futures.forEach((key, future) -> result.put(key, future.join()));
            return result;
        });
    }

    private static CompletableFuture<Double> rttMillis(StatsPoller.Round<PeerLink> round, PeerLink link) {
        return round.report(link).thenApply(report -> report.getStats().values().stream()
                .filter(s -> s.getType() == RTCStatsType.CANDIDATE_PAIR)
                .map(s -> s.getAttributes().get("currentRoundTripTime"))
                .filter(v -> v instanceof Number)
                .mapToDouble(v -> ((Number) v).doubleValue() * 1000)
                .findFirst().orElse(Double.NaN));
    }

    private static Map<String, Object> pick(RTCStatsReport report, RTCStatsType type, MediaKind kind, List<String> keys) {
        Map<String, Object> picked = new LinkedHashMap<>();
        report.getStats().values().stream()
                .filter(s -> s.getType() == type && kind.wireName().equals(s.getAttributes().get("kind")))
                .findFirst()
                .ifPresent(s -> keys.forEach(key -> {
                    Object value = s.getAttributes().get(key);
                    if (value != null) {
                        picked.put(key, value);
                    }
                }));
        return picked;
    }

    @Override
    public void close() {
        poller.close();
    }
}
