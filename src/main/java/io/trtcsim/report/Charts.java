package io.trtcsim.report;

import io.trtcsim.media.AudioChunk;
import io.trtcsim.media.RenderedFrame;
import io.trtcsim.media.metrics.FreezeDetector;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots a report shows for one received stream, as PNG images drawn by XChart: frame rate over
 * time, latency over time and its distribution, audio level over time, and a client's network
 * quality over time. The video time plots shade freezes as the media checks count them
 * ({@link FreezeDetector}, libwebrtc's rule); every time plot also shades the extra intervals it is
 * given (network outages, ...), in seconds on its own time axis, each label in the legend.
 */
public final class Charts {

    private static final double QUALITY_WORST = 6;

    private Charts() {
    }

    /** Frames per second in one-second bins from the first frame; an incomplete last second is left out. */
    public static byte[] frameRate(String title, List<RenderedFrame> frames) {
        return frameRate(title, frames, List.of());
    }

    public static byte[] frameRate(String title, List<RenderedFrame> frames, List<ShadedInterval> shaded) {
        if (frames.isEmpty()) {
            return ChartStyle.empty(title, "no frames");
        }
        long start = frames.get(0).arrivalMicros();
        long span = frames.get(frames.size() - 1).arrivalMicros() - start;
        // The last second is cut short by the end of playback, and its count would read as a drop.
        int bins = span < 1_000_000 ? 1 : (int) (span / 1_000_000);
        double[] seconds = new double[bins];
        double[] fps = new double[bins];
        for (int i = 0; i < bins; i++) {
            seconds[i] = i + 0.5;
        }
        for (RenderedFrame frame : frames) {
            int bin = (int) ((frame.arrivalMicros() - start) / 1_000_000);
            if (bin < bins) {
                fps[bin]++;
            }
        }
        XYChart chart = timeChart(title, "seconds since the first frame", "frame rate (fps)", bins,
                ChartStyle.niceCeiling(max(fps) * 1.15), withFreezes(frames, start, shaded));
        ChartStyle.line(chart, "frame rate", seconds, fps, ChartStyle.BLUE);
        return ChartStyle.png(chart);
    }

    /** Capture-to-render latency of every frame that carried a readable marker. */
    public static byte[] latency(String title, List<RenderedFrame> frames) {
        return latency(title, frames, List.of());
    }

    public static byte[] latency(String title, List<RenderedFrame> frames, List<ShadedInterval> shaded) {
        List<RenderedFrame> marked = frames.stream().filter(RenderedFrame::hasMarker).toList();
        if (marked.isEmpty()) {
            return ChartStyle.empty(title, frames.isEmpty() ? "no frames" : "no frame carried a readable marker");
        }
        long start = frames.get(0).arrivalMicros();
        double[] seconds = marked.stream().mapToDouble(f -> seconds(f.arrivalMicros(), start)).toArray();
        double[] millis = marked.stream().mapToDouble(f -> f.latencyMicros() / 1000.0).toArray();
        XYChart chart = timeChart(title, "seconds since the first frame", "capture-to-render latency (ms)",
                seconds(frames.get(frames.size() - 1).arrivalMicros(), start),
                ChartStyle.niceCeiling(Math.max(10, max(millis) * 1.1)), withFreezes(frames, start, shaded));
        ChartStyle.line(chart, "latency", seconds, millis, ChartStyle.BLUE);
        return ChartStyle.png(chart);
    }

    /** How many marked frames had each latency, in 2 ms buckets. */
    public static byte[] latencyDistribution(String title, List<RenderedFrame> frames) {
        double[] millis = frames.stream().filter(RenderedFrame::hasMarker).mapToDouble(f -> f.latencyMicros() / 1000.0)
                .toArray();
        if (millis.length == 0) {
            return ChartStyle.empty(title, frames.isEmpty() ? "no frames" : "no frame carried a readable marker");
        }
        double bucket = 2;
        double low = Math.floor(min(millis) / bucket) * bucket;
        int buckets = (int) Math.floor((max(millis) - low) / bucket) + 1;
        double[] counts = new double[buckets + 1];
        for (double value : millis) {
            counts[(int) Math.floor((value - low) / bucket)]++;
        }
        // A step series holds each count across its bucket; the extra point closes the last bucket.
        counts[buckets] = counts[buckets - 1];
        double[] edges = new double[buckets + 1];
        for (int i = 0; i <= buckets; i++) {
            edges[i] = low + i * bucket;
        }
        XYChart chart = ChartStyle.chart(title, "capture-to-render latency (ms, " + (int) bucket + " ms buckets)",
                "frames");
        // Half a bucket of margin each side; it also keeps XChart from taking the equally spaced
        // edges themselves as tick values (every 2 ms) instead of round ones.
        chart.getStyler().setXAxisMin(low - bucket / 2);
        chart.getStyler().setXAxisMax(edges[buckets] + bucket / 2);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(ChartStyle.niceCeiling(max(counts) * 1.1));
        XYSeries series = ChartStyle.line(chart, "frames", edges, counts, ChartStyle.BLUE);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.StepArea);
        series.setFillColor(new Color(31, 119, 180, 120));
        return ChartStyle.png(chart);
    }

    /** RMS level of each audio chunk (0..1), from the first chunk. */
    public static byte[] audioLevel(String title, List<AudioChunk> chunks) {
        return audioLevel(title, chunks, List.of());
    }

    public static byte[] audioLevel(String title, List<AudioChunk> chunks, List<ShadedInterval> shaded) {
        if (chunks.isEmpty()) {
            return ChartStyle.empty(title, "no audio");
        }
        long start = chunks.get(0).arrivalMicros();
        double[] seconds = chunks.stream().mapToDouble(c -> seconds(c.arrivalMicros(), start)).toArray();
        double[] level = chunks.stream().mapToDouble(AudioChunk::level).toArray();
        XYChart chart = timeChart(title, "seconds since the first audio", "level (RMS, 0..1)",
                seconds[seconds.length - 1], 1, shaded);
        ChartStyle.line(chart, "level", seconds, level, ChartStyle.BLUE).setLineWidth(1);
        return ChartStyle.png(chart);
    }

    /**
     * A client's 'network-quality' over time: uplink and downlink, 0 unknown .. 6 disconnected
     * (higher is worse), as [seconds since the scenario began, quality] points.
     */
    public static byte[] networkQuality(String title, List<double[]> uplink, List<double[]> downlink) {
        return networkQuality(title, uplink, downlink, List.of());
    }

    public static byte[] networkQuality(String title, List<double[]> uplink, List<double[]> downlink,
                                        List<ShadedInterval> shaded) {
        if (uplink.isEmpty() && downlink.isEmpty()) {
            return ChartStyle.empty(title, "no network-quality event");
        }
        double last = Stream.of(uplink, downlink).flatMap(List::stream).mapToDouble(p -> p[0]).max().orElse(0);
        XYChart chart = timeChart(title, "seconds since the scenario began", "quality (1 excellent .. 6 disconnected)",
                last, QUALITY_WORST, shaded);
        // One tick a quality level: halves of a level mean nothing.
        chart.getStyler().setYAxisDecimalPattern("0");
        chart.getStyler().setYAxisTickMarkSpacingHint(30);
        // Uplink and downlink are often equal: the wider uplink stays visible around the downlink.
        qualitySeries(chart, "uplink", uplink, ChartStyle.BLUE, 5f);
        qualitySeries(chart, "downlink", downlink, ChartStyle.ORANGE, 2f);
        return ChartStyle.png(chart);
    }

    /**
     * A participant's network conditions over time, each a step line that holds until the next
     * change: delays, jitter and loss (ms and %) on the left axis, capacities (kbps) on the right;
     * outages shaded. {@code series} maps a name ("uplink delay (ms)") to [seconds, value] points;
     * names ending in "(kbps)" go to the right axis.
     */
    public static byte[] networkConditions(String title, Map<String, List<double[]>> series, double lastSecond,
                                           List<ShadedInterval> outages) {
        if (series.isEmpty() && outages.isEmpty()) {
            return ChartStyle.empty(title, "no network conditions");
        }
        double top = series.entrySet().stream().filter(e -> !e.getKey().endsWith("(kbps)"))
                .flatMap(e -> e.getValue().stream()).mapToDouble(p -> p[1]).max().orElse(0);
        XYChart chart = timeChart(title, "seconds since the scenario began", "delay, jitter (ms) · loss (%)", lastSecond,
                ChartStyle.niceCeiling(Math.max(10, top * 1.15)), outages);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        double topKbps = series.entrySet().stream().filter(e -> e.getKey().endsWith("(kbps)"))
                .flatMap(e -> e.getValue().stream()).mapToDouble(p -> p[1]).max().orElse(0);
        // Like the left axis, from 0 and with room above: a constant cap must not lie on the frame.
        chart.getStyler().setYAxisMin(1, 0.0);
        chart.getStyler().setYAxisMax(1, ChartStyle.niceCeiling(Math.max(10, topKbps * 1.15)));
        int index = 0;
        for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
            Color color = ChartStyle.PALETTE.get(index++ % ChartStyle.PALETTE.size());
            List<double[]> points = entry.getValue();
            XYSeries line = ChartStyle.line(chart, entry.getKey(), points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray(), color);
            line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
            if (entry.getKey().endsWith("(kbps)")) {
                line.setYAxisGroup(1);
                chart.setYAxisGroupTitle(1, "capacity (kbps)");
            }
        }
        return ChartStyle.png(chart);
    }

    /**
     * Several quantities over a run's time, one line each in the palette's colours, from 0 s and
     * from 0 up, as the load runs plot their intervals: {@code series} maps a name to one value per
     * point of {@code seconds}; NaN (nothing measured in that interval) leaves a gap in its line.
     */
    public static byte[] overTime(String title, String yTitle, double[] seconds, Map<String, double[]> series) {
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            if (entry.getValue().length != seconds.length) {
                throw new IllegalArgumentException("series '" + entry.getKey() + "' has " + entry.getValue().length
                        + " values for " + seconds.length + " points in time");
            }
        }
        double top = series.values().stream().flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v)).max()
                .orElse(Double.NaN);
        if (seconds.length == 0 || Double.isNaN(top)) {
            return ChartStyle.empty(title, "nothing measured");
        }
        XYChart chart = timeChart(title, "seconds since the run began", yTitle, max(seconds),
                ChartStyle.niceCeiling(Math.max(1, top * 1.15)), List.of());
        int index = 0;
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            Color color = ChartStyle.PALETTE.get(index++ % ChartStyle.PALETTE.size());
            if (Arrays.stream(entry.getValue()).allMatch(Double::isNaN)) {
                continue;
            }
            XYSeries line = ChartStyle.line(chart, entry.getKey(), seconds, entry.getValue(), color);
            // Points at each interval's end: a short run has few, and a lone one would show no line.
            line.setMarker(SeriesMarkers.CIRCLE);
        }
        return ChartStyle.png(chart);
    }

    /** A quality holds until the next event: a step line, with a marker at each event. */
    private static void qualitySeries(XYChart chart, String name, List<double[]> points, Color color, float width) {
        if (points.isEmpty()) {
            return;
        }
        XYSeries series = ChartStyle.line(chart, name, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray(), color);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
        series.setLineStyle(new BasicStroke(width));
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
    }

    /** A time plot from 0 s with its y axis fixed to 0..top, the intervals shaded under the data. */
    private static XYChart timeChart(String title, String xTitle, String yTitle, double lastSecond, double top,
                                     List<ShadedInterval> shaded) {
        XYChart chart = ChartStyle.chart(title, xTitle, yTitle);
        double end = Math.ceil(Math.max(1, Math.max(lastSecond,
                shaded.stream().mapToDouble(ShadedInterval::toSeconds).max().orElse(0))));
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(end);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(top);
        ChartStyle.shade(chart, shaded, top);
        return chart;
    }

    private static List<ShadedInterval> withFreezes(List<RenderedFrame> frames, long start,
                                                    List<ShadedInterval> shaded) {
        List<ShadedInterval> result = new ArrayList<>(shaded);
        FreezeDetector detector = new FreezeDetector();
        for (RenderedFrame frame : frames) {
            detector.onFrame(frame.arrivalMicros()).ifPresent(freeze -> result.add(new ShadedInterval(
                    seconds(freeze.startMicros(), start), seconds(freeze.endMicros(), start), ChartStyle.FREEZE)));
        }
        return result;
    }

    private static double seconds(long micros, long startMicros) {
        return (micros - startMicros) / 1e6;
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    /**
     * One figure across the participants of a range, each participant a point, sorted from lowest to
     * highest: the x axis is the share of participants at or below the value (a distribution), so 20
     * or 5,000 participants read the same way. NaN values (nothing measured) are left out.
     */
    public static byte[] acrossParticipants(String title, String yTitle, double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return ChartStyle.empty(title, "nothing measured");
        }
        double[] share = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            share[i] = sorted.length == 1 ? 100 : 100.0 * (i + 1) / sorted.length;
        }
        XYChart chart = ChartStyle.chart(title, "participants at or below (%)", yTitle);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(100.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(ChartStyle.niceCeiling(sorted[sorted.length - 1] * 1.1));
        XYSeries series = ChartStyle.line(chart, yTitle, share, sorted, ChartStyle.BLUE);
        series.setMarker(SeriesMarkers.CIRCLE);
        return ChartStyle.png(chart);
    }
}
