package io.trtcsim.media;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.Map;
import java.util.Optional;

/**
 * The cumulative counters of one received video stream as libwebrtc's getStats() reports them
 * (the {@code inbound-rtp} entry of kind video, names as in the W3C statistics), read at one
 * instant. Two readings make a window ({@code media.metrics.DecodedVideoMetrics}).
 * libwebrtc counts frames, freezes and bytes whether or not any sink is attached to the track, so
 * these need no frame to cross into Java.
 *
 * @param atMicros when the report was read (media clock)
 * @param framesDecoded frames decoded and passed on to be rendered
 * @param freezeCount freezes as libwebrtc counts them ({@code FreezeDetector}'s
 *                    rule), counted when the frame that ends one arrives
 * @param totalFreezesDurationSeconds their summed duration
 * @param bytesReceived payload bytes received
 * @param packetsLost packets lost, as the receiver counts them
 * @param frameWidth the width of the last decoded frame (0 before one)
 * @param frameHeight its height (0 before one)
 */
public record InboundVideoStats(long atMicros, long framesDecoded, long freezeCount, double totalFreezesDurationSeconds,
                                long bytesReceived, long packetsLost, int frameWidth, int frameHeight) {

    /** The inbound video entry of a report; empty when the report has none (no video received yet). */
    public static Optional<InboundVideoStats> from(RTCStatsReport report, long atMicros) {
        return report.getStats().values().stream()
                .filter(stats -> stats.getType() == RTCStatsType.INBOUND_RTP)
                .filter(stats -> "video".equals(stats.getAttributes().get("kind")))
                .findFirst()
                .map(stats -> read(stats, atMicros));
    }

    private static InboundVideoStats read(RTCStats stats, long atMicros) {
        Map<String, Object> values = stats.getAttributes();
        return new InboundVideoStats(atMicros, whole(values, "framesDecoded"), whole(values, "freezeCount"),
                decimal(values, "totalFreezesDuration"), whole(values, "bytesReceived"), whole(values, "packetsLost"),
                (int) whole(values, "frameWidth"), (int) whole(values, "frameHeight"));
    }

    /** libwebrtc leaves out counters that have not started (no frame yet): those read 0. */
    private static long whole(Map<String, Object> values, String key) {
        return values.get(key) instanceof Number number ? number.longValue() : 0;
    }

    private static double decimal(Map<String, Object> values, String key) {
        return values.get(key) instanceof Number number ? number.doubleValue() : 0;
    }
}
