package io.trtcsim.sdk;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import io.trtcsim.media.PeerLink;
import io.trtcsim.trtc.MediaKind;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What {@code client.enableAudioVolumeEvaluation(interval)} starts: every interval, the volume of
 * each audio stream the client sends or receives, as libwebrtc measured it — the {@code audioLevel}
 * of the local audio source (media-source stats of the uplink) and of each subscribed stream
 * (inbound-rtp stats of its downlink), 0..1 — scaled to TRTC's {@code audioVolume}, 0..100. It reads
 * the client's statistics rounds (see {@link StatsPoller}) once per interval.
 */
final class AudioVolumeEvaluation implements StatsPoller.Reader<PeerLink> {

    /** TRTC's smallest interval; shorter ones are raised to it. */
    static final int MIN_INTERVAL_MILLIS = 16;

    private final Supplier<Map<String, MeasuredLink>> currentLinks;
    private final Consumer<Map<String, Integer>> result;

    /**
     * @param currentLinks the connections to measure now, by the userId whose audio each carries,
     *                     and whether that audio is the client's own (local) one
     * @param result receives userId → audioVolume once per round, when any stream was measured
     */
    AudioVolumeEvaluation(Supplier<Map<String, MeasuredLink>> currentLinks, Consumer<Map<String, Integer>> result) {
        this.currentLinks = currentLinks;
        this.result = result;
    }

    /** How often an evaluation asked for every {@code intervalMillis} reads. */
    static long periodMillis(int intervalMillis) {
        return Math.max(MIN_INTERVAL_MILLIS, intervalMillis);
    }

    /** A connection and which side of it carries the audio measured. */
    record MeasuredLink(PeerLink link, boolean local) {
    }

    @Override
    public void read(StatsPoller.Round<PeerLink> round) {
        Map<String, MeasuredLink> links = currentLinks.get();
        if (links.isEmpty()) {
            return;
        }
        Map<String, CompletableFuture<Integer>> volumes = new TreeMap<>();
        links.forEach((userId, measured) -> volumes.put(userId, round.report(measured.link())
                .thenApply(report -> volume(report, measured.local()))
                // A connection closing meanwhile has nothing to say this time.
                .exceptionally(failure -> -1)));
        CompletableFuture.allOf(volumes.values().toArray(CompletableFuture[]::new)).thenRun(() -> {
            Map<String, Integer> measured = new TreeMap<>();
            volumes.forEach((userId, volume) -> {
                if (volume.join() >= 0) {
                    measured.put(userId, volume.join());
                }
            });
            if (!measured.isEmpty()) {
                result.accept(measured);
            }
        });
    }

    /** TRTC's audioVolume (0..100) from the report's audio level; 0 where none was measured yet. */
    static int volume(RTCStatsReport report, boolean local) {
        RTCStatsType type = local ? RTCStatsType.MEDIA_SOURCE : RTCStatsType.INBOUND_RTP;
        return report.getStats().values().stream()
                .filter(stats -> stats.getType() == type && MediaKind.AUDIO.wireName().equals(stats.getAttributes().get("kind")))
                .map(RTCStats::getAttributes)
                .map(attributes -> attributes.get("audioLevel"))
                .filter(level -> level instanceof Number)
                .mapToInt(level -> toVolume(((Number) level).doubleValue()))
                .findFirst().orElse(0);
    }

    /** audioLevel is linear, 0..1 (1 = full scale); audioVolume is that in percent. */
    static int toVolume(double audioLevel) {
        if (Double.isNaN(audioLevel)) {
            return 0;
        }
        return (int) Math.round(Math.max(0, Math.min(1, audioLevel)) * 100);
    }
}
