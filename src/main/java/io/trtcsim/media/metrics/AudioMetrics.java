package io.trtcsim.media.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one subscriber's sink received of one remote audio stream in the window
 * {@code [windowStartMicros, windowEndMicros)} of the media clock. See {@link AudioAnalyzer} for how
 * each number is defined.
 *
 * @param chunks chunks that arrived in the window
 * @param deliveredMillis summed duration of those chunks
 * @param elapsedMillis the window's length
 * @param audibleMillis summed duration of the audible ones among them
 * @param gapCount silences of at least {@link AudioAnalyzer#MIN_GAP_MICROS} inside the window
 * @param gapTotalMillis their summed duration
 * @param longestGapMillis the longest of them (0 without gaps)
 * @param meanLevel mean RMS level of the audible chunks (NaN without any)
 * @param firstAudibleArrivalMicros arrival of the first audible chunk in the window, or -1
 * @param latencyP50Millis capture-to-playout latency from the markers, median (NaN without markers)
 * @param markersDetected marker onsets found in the window
 */
public record AudioMetrics(
        long windowStartMicros,
        long windowEndMicros,
        int chunks,
        double deliveredMillis,
        double elapsedMillis,
        double audibleMillis,
        int gapCount,
        double gapTotalMillis,
        double longestGapMillis,
        double meanLevel,
        long firstAudibleArrivalMicros,
        double latencyP50Millis,
        double latencyP95Millis,
        double latencyMaxMillis,
        int markersDetected) {

    public long windowMicros() {
        return windowEndMicros - windowStartMicros;
    }

    public boolean hasLatency() {
        return markersDetected > 0;
    }

    /** Milliseconds from {@code referenceMicros} to the first audible chunk in the window, if it came at or after it. */
    public OptionalDouble firstAudioMillisAfter(long referenceMicros) {
        return firstAudibleArrivalMicros < 0 || firstAudibleArrivalMicros < referenceMicros
                ? OptionalDouble.empty()
                : OptionalDouble.of((firstAudibleArrivalMicros - referenceMicros) / 1000.0);
    }

    /** One line for logs and failure messages. */
    public String describe() {
        StringBuilder line = new StringBuilder("audio over ").append(MetricsFormat.seconds(windowMicros()))
                .append(": ").append(chunks).append(" chunks, delivered ").append(MetricsFormat.millis(deliveredMillis))
                .append(" of ").append(MetricsFormat.millis(elapsedMillis))
                .append(", audible ").append(MetricsFormat.millis(audibleMillis)).append(", ");
        if (gapCount == 0) {
            line.append("no gaps");
        } else {
            line.append(gapCount).append(gapCount == 1 ? " gap" : " gaps")
                    .append(" (total ").append(MetricsFormat.millis(gapTotalMillis))
                    .append(", longest ").append(MetricsFormat.millis(longestGapMillis)).append(')');
        }
        line.append(", mean level ").append(MetricsFormat.decimal(meanLevel, 3));
        if (hasLatency()) {
            line.append(", latency p50 ").append(MetricsFormat.millis(latencyP50Millis))
                    .append(" p95 ").append(MetricsFormat.millis(latencyP95Millis))
                    .append(" max ").append(MetricsFormat.millis(latencyMaxMillis))
                    .append(" from ").append(markersDetected).append(markersDetected == 1 ? " marker" : " markers");
        } else {
            line.append(", latency n/a (no markers)");
        }
        return line.toString();
    }

    /** Every number by its component name, for reports; NaN and "never" (-1) become null. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("windowStartMicros", windowStartMicros);
        map.put("windowEndMicros", windowEndMicros);
        map.put("chunks", chunks);
        map.put("deliveredMillis", deliveredMillis);
        map.put("elapsedMillis", elapsedMillis);
        map.put("audibleMillis", audibleMillis);
        map.put("gapCount", gapCount);
        map.put("gapTotalMillis", gapTotalMillis);
        map.put("longestGapMillis", longestGapMillis);
        map.put("meanLevel", MetricsFormat.orNull(meanLevel));
        map.put("firstAudibleArrivalMicros", MetricsFormat.orNull(firstAudibleArrivalMicros));
        map.put("latencyP50Millis", MetricsFormat.orNull(latencyP50Millis));
        map.put("latencyP95Millis", MetricsFormat.orNull(latencyP95Millis));
        map.put("latencyMaxMillis", MetricsFormat.orNull(latencyMaxMillis));
        map.put("markersDetected", markersDetected);
        return map;
    }
}
