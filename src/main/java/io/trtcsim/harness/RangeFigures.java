package io.trtcsim.harness;

import io.trtcsim.media.metrics.DecodedVideoMetrics;
import io.trtcsim.media.metrics.VideoMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The video one publisher's stream gave each participant of a range over one window: a row per
 * participant (fps, p95 latency, freezes, first frame) and the summary a report shows instead of
 * one attachment per participant.
 *
 * @param from the publisher
 * @param range the receivers
 * @param windowSeconds the window measured (the whole playback for a scenario's summary)
 * @param rows one per receiver, in the range's order
 */
public record RangeFigures(String from, ParticipantRange range, double windowSeconds, List<Row> rows) {

    public RangeFigures {
        rows = List.copyOf(rows);
    }

    /**
     * One receiver's figures: {@code metrics} from what a FULL receiver rendered, {@code decoded}
     * from libwebrtc's counters of a STATS_ONLY one (frames decoded, no latency); both empty when it
     * got nothing of the publisher. {@code firstFrameMillis}: from its subscribe() to its first
     * frame, when both happened (FULL only).
     */
    public record Row(String participant, Optional<VideoMetrics> metrics, Optional<DecodedVideoMetrics> decoded,
                      OptionalDouble firstFrameMillis) {

        /** A FULL receiver's row. */
        public Row(String participant, Optional<VideoMetrics> metrics, OptionalDouble firstFrameMillis) {
            this(participant, metrics, Optional.empty(), firstFrameMillis);
        }

        /** A STATS_ONLY receiver's row. */
        public static Row decoded(String participant, Optional<DecodedVideoMetrics> decoded) {
            return new Row(participant, Optional.empty(), decoded, OptionalDouble.empty());
        }

        public double fps() {
            return metrics.map(VideoMetrics::meanFps).orElseGet(() -> decoded.map(DecodedVideoMetrics::meanFps).orElse(0.0));
        }

        public double latencyP95Millis() {
            return metrics.map(VideoMetrics::latencyP95Millis).orElse(Double.NaN);
        }

        public int freezes() {
            return metrics.map(VideoMetrics::freezeCount)
                    .orElseGet(() -> decoded.map(d -> Math.toIntExact(d.freezeCount())).orElse(0));
        }

        public int frames() {
            return metrics.map(VideoMetrics::framesRendered)
                    .orElseGet(() -> decoded.map(d -> Math.toIntExact(d.framesDecoded())).orElse(0));
        }
    }

    /** The table a report carries: one line per participant, then the spread of each column. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "video from %s to %s (%d participants, %.0f s)%n%n",
                from, range, rows.size(), windowSeconds));
        out.append(String.format(Locale.ROOT, "%-24s %8s %8s %8s %8s %12s%n", "participant", "frames", "fps", "p95 ms",
                "freezes", "first frame"));
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "%-24s %8d %8.1f %8s %8d %12s%n", row.participant(), row.frames(),
                    row.fps(), millis(row.latencyP95Millis()), row.freezes(),
                    row.firstFrameMillis().isPresent() ? millis(row.firstFrameMillis().getAsDouble()) + " ms" : "-"));
        }
        out.append('\n')
                .append(spread("fps", Row::fps))
                .append(spread("p95 ms", Row::latencyP95Millis))
                .append(spread("freezes", row -> row.freezes()));
        return out.toString();
    }

    private String spread(String what, ToDoubleFunction<Row> column) {
        double[] values = rows.stream().mapToDouble(column).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return String.format(Locale.ROOT, "%-8s none measured%n", what);
        }
        return String.format(Locale.ROOT, "%-8s min %.1f, median %.1f, p95 %.1f, max %.1f%n", what, values[0],
                values[values.length / 2], values[Math.min(values.length - 1, (int) Math.ceil(values.length * 0.95) - 1)],
                values[values.length - 1]);
    }

    /** The rows that miss, in the range's order: {@code fails} says whether a row falls short. */
    public List<Row> shortOf(Predicate<Row> fails) {
        return rows.stream().filter(fails).toList();
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }
}
