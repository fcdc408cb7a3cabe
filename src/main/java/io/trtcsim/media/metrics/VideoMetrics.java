package io.trtcsim.media.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one subscriber's sink rendered of one remote video stream in the window
 * {@code [windowStartMicros, windowEndMicros)} of the media clock. See {@link VideoAnalyzer} for how
 * each number is defined.
 *
 * @param framesRendered frames that arrived in the window
 * @param meanFps frames rendered per second of the window (0 for an empty window)
 * @param freezeCount freezes that ended in the window, plus one still in progress at its end
 * @param freezeTotalMillis summed duration of those freezes
 * @param longestFreezeMillis the longest of them (0 without freezes)
 * @param latencyP50Millis capture-to-render latency, median of the marked frames (NaN without markers)
 * @param framesWithoutMarker frames whose picture carried no readable marker
 * @param framesLost captured frames never rendered, from gaps in the marker sequence
 * @param framesRepeated marked frames rendered again after a frame with the same sequence
 * @param width width of the last frame in the window (0 without frames)
 * @param height height of the last frame in the window (0 without frames)
 * @param resolutions distinct resolutions, as "WxH", in order of first appearance
 * @param firstFrameArrivalMicros arrival of the first frame in the window, or -1
 */
public record VideoMetrics(
        long windowStartMicros,
        long windowEndMicros,
        int framesRendered,
        double meanFps,
        int freezeCount,
        double freezeTotalMillis,
        double longestFreezeMillis,
        double latencyP50Millis,
        double latencyP95Millis,
        double latencyP99Millis,
        double latencyMaxMillis,
        int framesWithoutMarker,
        long framesLost,
        int framesRepeated,
        int width,
        int height,
        List<String> resolutions,
        long firstFrameArrivalMicros) {

    public VideoMetrics {
        resolutions = List.copyOf(resolutions);
    }

    public long windowMicros() {
        return windowEndMicros - windowStartMicros;
    }

    public boolean hasLatency() {
        return !Double.isNaN(latencyP50Millis);
    }

    /** Milliseconds from {@code referenceMicros} to the first frame in the window, if it came at or after it. */
    public OptionalDouble firstFrameMillisAfter(long referenceMicros) {
        return firstFrameArrivalMicros < 0 || firstFrameArrivalMicros < referenceMicros
                ? OptionalDouble.empty()
                : OptionalDouble.of((firstFrameArrivalMicros - referenceMicros) / 1000.0);
    }

    /** One line for logs and failure messages. */
    public String describe() {
        StringBuilder line = new StringBuilder("video over ").append(MetricsFormat.seconds(windowMicros()))
                .append(": ").append(framesRendered).append(" frames, ")
                .append(MetricsFormat.decimal(meanFps, 1)).append(" fps, ");
        if (freezeCount == 0) {
            line.append("no freezes");
        } else {
            line.append(freezeCount).append(freezeCount == 1 ? " freeze" : " freezes")
                    .append(" (total ").append(MetricsFormat.millis(freezeTotalMillis))
                    .append(", longest ").append(MetricsFormat.millis(longestFreezeMillis)).append(')');
        }
        if (hasLatency()) {
            line.append(", latency p50 ").append(MetricsFormat.millis(latencyP50Millis))
                    .append(" p95 ").append(MetricsFormat.millis(latencyP95Millis))
                    .append(" p99 ").append(MetricsFormat.millis(latencyP99Millis))
                    .append(" max ").append(MetricsFormat.millis(latencyMaxMillis));
        } else {
            line.append(", latency n/a");
        }
        line.append(", ").append(framesLost).append(" lost, ")
                .append(framesRepeated).append(" repeated, ")
                .append(framesWithoutMarker).append(" without marker");
        if (framesRendered > 0) {
            line.append(", ").append(width).append('x').append(height);
            if (resolutions.size() > 1) {
                line.append(" (seen ").append(String.join(", ", resolutions)).append(')');
            }
        }
        return line.toString();
    }

    /** Every number by its component name, for reports; NaN and "never" (-1) become null. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("windowStartMicros", windowStartMicros);
        map.put("windowEndMicros", windowEndMicros);
        map.put("framesRendered", framesRendered);
        map.put("meanFps", meanFps);
        map.put("freezeCount", freezeCount);
        map.put("freezeTotalMillis", freezeTotalMillis);
        map.put("longestFreezeMillis", longestFreezeMillis);
        map.put("latencyP50Millis", MetricsFormat.orNull(latencyP50Millis));
        map.put("latencyP95Millis", MetricsFormat.orNull(latencyP95Millis));
        map.put("latencyP99Millis", MetricsFormat.orNull(latencyP99Millis));
        map.put("latencyMaxMillis", MetricsFormat.orNull(latencyMaxMillis));
        map.put("framesWithoutMarker", framesWithoutMarker);
        map.put("framesLost", framesLost);
        map.put("framesRepeated", framesRepeated);
        map.put("width", width);
        map.put("height", height);
        map.put("resolutions", resolutions);
        map.put("firstFrameArrivalMicros", MetricsFormat.orNull(firstFrameArrivalMicros));
        return map;
    }
}
