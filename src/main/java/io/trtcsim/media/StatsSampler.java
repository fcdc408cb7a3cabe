package io.trtcsim.media;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps, from the getStats() reports it is given, the entries that describe media delivery,
 * stamped when they arrived. Who samples, and how often, is the caller's: the SDK's statistics
 * poller hands it every connection's report once a second. Reports complete on libwebrtc's
 * threads, so it takes them from any thread.
 */
public final class StatsSampler {

    /** The values kept from each entry: what QA engineers read (names as in the W3C stats spec). */
    static final Set<String> KEPT = Set.of("kind", "packetsSent", "packetsReceived", "bytesSent", "bytesReceived",
            "packetsLost", "jitter", "framesEncoded", "framesSent", "framesDecoded", "framesDropped", "frameWidth",
            "frameHeight", "framesPerSecond", "roundTripTime", "currentRoundTripTime", "totalRoundTripTime",
            "mimeType", "freezeCount", "totalFreezesDuration", "concealedSamples", "totalSamplesReceived",
            "jitterBufferDelay", "jitterBufferEmittedCount", "jitterBufferTargetDelay", "jitterBufferMinimumDelay", "removedSamplesForAcceleration", "insertedSamplesForDeceleration", "state", "nominated", "codecId");

    private static final Set<RTCStatsType> TYPES = Set.of(RTCStatsType.INBOUND_RTP, RTCStatsType.OUTBOUND_RTP,
            RTCStatsType.REMOTE_INBOUND_RTP, RTCStatsType.CANDIDATE_PAIR, RTCStatsType.CODEC);

    private final MediaClock clock;
    private final ConcurrentLinkedQueue<StatsSample> samples = new ConcurrentLinkedQueue<>();

    public StatsSampler(MediaClock clock) {
        this.clock = clock;
    }

    public List<StatsSample> samples() {
        return List.copyOf(samples);
    }

    /** Keeps the entries of interest of a report of the connection named {@code link}, stamped now. */
    public void record(String link, RTCStatsReport report) {
        long now = clock.nowMicros();
        for (StatsSample sample : select(now, link, report)) {
            samples.add(sample);
        }
    }

    /** The entries of a report worth keeping, with their kept values. */
    public static List<StatsSample> select(long atMicros, String link, RTCStatsReport report) {
        return report.getStats().values().stream()
                .filter(stats -> TYPES.contains(stats.getType()))
                .map(stats -> new StatsSample(atMicros, link, typeName(stats.getType()),
                        String.valueOf(stats.getAttributes().getOrDefault("kind", "")), kept(stats)))
                .toList();
    }

    private static Map<String, Object> kept(RTCStats stats) {
        Map<String, Object> values = new LinkedHashMap<>();
        stats.getAttributes().forEach((key, value) -> {
            if (KEPT.contains(key) && value != null) {
                values.put(key, value);
            }
        });
        return values;
    }

    private static String typeName(RTCStatsType type) {
        return type.name().toLowerCase().replace('_', '-');
    }
}
