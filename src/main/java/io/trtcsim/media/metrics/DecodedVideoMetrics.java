package io.trtcsim.media.metrics;

import io.trtcsim.media.InboundVideoStats;
import java.util.Optional;

/**
 * What libwebrtc's statistics say of one received video stream over a window between two readings
 * of its counters: the measurements of a participant that renders no frame into Java (a
 * stats-only participant). Beside {@link VideoMetrics} (from the frames a sink rendered) it has no
 * latency, no lost or repeated frames and no longest freeze: those need the picture markers.
 *
 * <p>Freezes are libwebrtc's own count, which is the rule {@link FreezeDetector} follows, with one
 * difference: libwebrtc counts a freeze when the frame that ends it arrives, so a stall still in
 * progress at the window's end is not counted here, where the sink-based analysis counts it.
 *
 * @param windowMicros time between the two readings
 * @param framesDecoded frames decoded in the window
 * @param meanFps frames decoded per second of the window
 * @param freezeCount freezes that ended in the window
 * @param freezeTotalMillis their summed duration
 * @param bitrateKbps payload received, in kbit/s
 * @param packetsLost packets lost in the window
 * @param width width of the last decoded frame at the window's end
 * @param height its height
 */
public record DecodedVideoMetrics(long windowMicros, long framesDecoded, double meanFps, long freezeCount,
                                  double freezeTotalMillis, double bitrateKbps, long packetsLost, int width, int height) {

    /** The window from {@code first} to {@code last}, two readings of the same stream's counters. */
    public static DecodedVideoMetrics between(InboundVideoStats first, InboundVideoStats last) {
        long micros = last.atMicros() - first.atMicros();
        if (micros <= 0) {
            throw new IllegalArgumentException("a window needs a later second reading: " + first.atMicros()
                    + " µs, then " + last.atMicros() + " µs");
        }
        if (last.framesDecoded() < first.framesDecoded()) {
            // Counters of one stream only grow: a smaller one belongs to a new downlink.
            throw new IllegalArgumentException("the readings are of two streams: framesDecoded went from "
                    + first.framesDecoded() + " to " + last.framesDecoded());
        }
        double seconds = micros / 1e6;
        long frames = last.framesDecoded() - first.framesDecoded();
        return new DecodedVideoMetrics(micros, frames, frames / seconds, last.freezeCount() - first.freezeCount(),
                (last.totalFreezesDurationSeconds() - first.totalFreezesDurationSeconds()) * 1000,
                (last.bytesReceived() - first.bytesReceived()) * 8 / seconds / 1000,
                last.packetsLost() - first.packetsLost(), last.frameWidth(), last.frameHeight());
    }

    /**
     * The window between two readings when both exist and are of one downlink, in order; empty
     * otherwise (no video yet at either end, or the receiver subscribed again in between).
     */
    public static Optional<DecodedVideoMetrics> ofOneDownlink(Optional<InboundVideoStats> first,
                                                              Optional<InboundVideoStats> last) {
        if (first.isEmpty() || last.isEmpty() || last.get().atMicros() <= first.get().atMicros()
                || last.get().framesDecoded() < first.get().framesDecoded()) {
            return Optional.empty();
        }
        return Optional.of(between(first.get(), last.get()));
    }

    /** One line for logs and failure messages. */
    public String describe() {
        StringBuilder line = new StringBuilder("video from libwebrtc's statistics over ")
                .append(MetricsFormat.seconds(windowMicros)).append(": ").append(framesDecoded).append(" frames decoded, ")
                .append(MetricsFormat.decimal(meanFps, 1)).append(" fps, ");
        if (freezeCount == 0) {
            line.append("no freezes");
        } else {
            line.append(freezeCount).append(freezeCount == 1 ? " freeze" : " freezes")
                    .append(" (total ").append(MetricsFormat.millis(freezeTotalMillis)).append(')');
        }
        return line.append(", ").append(MetricsFormat.decimal(bitrateKbps, 0)).append(" kbit/s, ")
                .append(packetsLost).append(" packets lost, ").append(width).append('x').append(height).toString();
    }
}
