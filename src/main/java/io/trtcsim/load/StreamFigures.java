package io.trtcsim.load;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.trtcsim.media.metrics.DecodedVideoMetrics;
import io.trtcsim.media.metrics.VideoMetrics;

/**
 * What one subscriber rendered of one publisher's video over a window, as {@link
 * io.trtcsim.media.metrics.VideoAnalyzer} measures it for the features' media checks. Latencies
 * are NaN when no frame of the window carried a readable marker (none rendered), and for a stats-only
 * subscriber, which reads no marker.
 */
@JsonPropertyOrder({"subscriber", "publisher", "room", "framesRendered", "fps", "latencyP50Millis", "latencyP95Millis",
        "latencyP99Millis", "freezes"})
public record StreamFigures(String subscriber, String publisher, long room, int framesRendered, double fps,
                            double latencyP50Millis, double latencyP95Millis, double latencyP99Millis, int freezes) {

    public static StreamFigures of(String subscriber, String publisher, long room, VideoMetrics video) {
        return new StreamFigures(subscriber, publisher, room, video.framesRendered(), video.meanFps(),
                video.latencyP50Millis(), video.latencyP95Millis(), video.latencyP99Millis(), video.freezeCount());
    }

    /**
     * What a stats-only subscriber decoded of the stream over a window, from libwebrtc's counters:
     * frames decoded stand for frames rendered; latency is not known (NaN).
     */
    public static StreamFigures ofStatistics(String subscriber, String publisher, long room, DecodedVideoMetrics video) {
        return new StreamFigures(subscriber, publisher, room, Math.toIntExact(video.framesDecoded()), video.meanFps(),
                Double.NaN, Double.NaN, Double.NaN, Math.toIntExact(video.freezeCount()));
    }

    /** A planned stream the subscriber has not got (not subscribed yet, or never announced). */
    public static StreamFigures missing(String subscriber, String publisher, long room) {
        return new StreamFigures(subscriber, publisher, room, 0, 0, Double.NaN, Double.NaN, Double.NaN, 0);
    }

    public boolean rendering() {
        return framesRendered > 0;
    }
}
