package io.trtcsim.report;

import io.trtcsim.media.AudioChunk;
import io.trtcsim.media.RenderedFrame;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plots a report shows for one received stream, drawn with Java2D into PNG images: frame rate
 * over time, latency over time and its distribution, audio level over time. Freezes (gaps of at
 * least max(3 x mean, mean + 150 ms)) are shaded red on the time plots.
 */
public final class Charts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 34;
    private static final int BOTTOM = 36;
    private static final Color LINE = new Color(31, 119, 180);
    private static final Color FREEZE = new Color(214, 39, 40, 60);
    private static final Color DOWNLINK = new Color(255, 127, 14);

    private Charts() {
    }

    /** Frames per second in one-second bins. */
    public static byte[] frameRate(String title, List<RenderedFrame> frames) {
        if (frames.isEmpty()) {
            return empty(title, "no frames");
        }
        long start = frames.get(0).arrivalMicros();
        long end = frames.get(frames.size() - 1).arrivalMicros();
        int bins = (int) Math.max(1, (end - start) / 1_000_000 + 1);
        double[] fps = new double[bins];
        for (RenderedFrame frame : frames) {
            fps[(int) ((frame.arrivalMicros() - start) / 1_000_000)]++;
        }
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            points.add(new double[] {i + 0.5, fps[i]});
        }
        return timePlot(title, "frames per second", points, max(points, 1) * 1.2, freezes(frames, start), bins);
    }

    /** Capture-to-render latency of every marked frame. */
    public static byte[] latency(String title, List<RenderedFrame> frames) {
        List<double[]> points = new ArrayList<>();
        long start = frames.isEmpty() ? 0 : frames.get(0).arrivalMicros();
        for (RenderedFrame frame : frames) {
            if (frame.hasMarker()) {
                points.add(new double[] {(frame.arrivalMicros() - start) / 1e6, frame.latencyMicros() / 1000.0});
            }
        }
        if (points.isEmpty()) {
            return empty(title, "no frame carried a readable marker");
        }
        double seconds = points.get(points.size() - 1)[0];
        return timePlot(title, "latency ms", points, max(points, 10) * 1.2, freezes(frames, start), Math.max(1, seconds));
    }

    /** How often each latency occurred, in 2 ms buckets. */
    public static byte[] latencyDistribution(String title, List<RenderedFrame> frames) {
        List<Double> latencies = frames.stream().filter(RenderedFrame::hasMarker).map(f -> f.latencyMicros() / 1000.0).toList();
        if (latencies.isEmpty()) {
            return empty(title, "no frame carried a readable marker");
        }
        double top = latencies.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        int buckets = (int) Math.ceil(top / 2) + 1;
        int[] counts = new int[buckets];
        latencies.forEach(l -> counts[(int) Math.max(0, Math.floor(l / 2))]++);
        BufferedImage image = canvas(title);
        Graphics2D g = (Graphics2D) image.getGraphics();
        int maxCount = java.util.Arrays.stream(counts).max().orElse(1);
        axes(g, "latency ms", 0, buckets * 2.0, "frames", maxCount);
        g.setColor(LINE);
        double barWidth = (WIDTH - LEFT - RIGHT) / (double) buckets;
        for (int i = 0; i < buckets; i++) {
            int barHeight = (int) ((HEIGHT - TOP - BOTTOM) * counts[i] / (double) maxCount);
            g.fillRect(LEFT + (int) (i * barWidth), HEIGHT - BOTTOM - barHeight, Math.max(1, (int) barWidth - 1), barHeight);
        }
        return FramePictures.encode(image);
    }

    /** RMS level of each audio chunk (0..1). */
    public static byte[] audioLevel(String title, List<AudioChunk> chunks) {
        if (chunks.isEmpty()) {
            return empty(title, "no audio");
        }
        long start = chunks.get(0).arrivalMicros();
        List<double[]> points = chunks.stream().map(c -> new double[] {(c.arrivalMicros() - start) / 1e6, c.level()}).toList();
        double seconds = Math.max(1, points.get(points.size() - 1)[0]);
        return timePlot(title, "level (RMS)", points, 1.0, List.of(), seconds);
    }

    /**
     * A client's 'network-quality' over time: uplink and downlink, 0 unknown .. 6 disconnected
     * (higher is worse), as [seconds, quality] points.
     */
    public static byte[] networkQuality(String title, List<double[]> uplink, List<double[]> downlink) {
        if (uplink.isEmpty() && downlink.isEmpty()) {
            return empty(title, "no network-quality event");
        }
        double seconds = Math.max(1, java.util.stream.Stream.of(uplink, downlink).flatMap(List::stream)
                .mapToDouble(p -> p[0]).max().orElse(1));
        BufferedImage image = canvas(title);
        Graphics2D g = (Graphics2D) image.getGraphics();
        axes(g, "seconds", 0, seconds, "quality (1 excellent .. 6 disconnected)", 6);
        g.setStroke(new BasicStroke(1.5f));
        series(g, uplink, LINE, seconds, 6);
        series(g, downlink, DOWNLINK, seconds, 6);
        g.setColor(LINE);
        g.drawString("uplink", WIDTH - RIGHT - 130, TOP - 8);
        g.setColor(DOWNLINK);
        g.drawString("downlink", WIDTH - RIGHT - 80, TOP - 8);
        return FramePictures.encode(image);
    }

    private static void series(Graphics2D g, List<double[]> points, Color color, double seconds, double yMax) {
        g.setColor(color);
        for (int i = 0; i < points.size(); i++) {
            int px = x(points.get(i)[0], seconds);
            int py = y(points.get(i)[1], yMax);
            g.fillOval(px - 2, py - 2, 5, 5);
            if (i > 0) {
                g.drawLine(x(points.get(i - 1)[0], seconds), y(points.get(i - 1)[1], yMax), px, py);
            }
        }
    }

    /** Freezes as [start s, end s] pairs relative to {@code start}. */
    private static List<double[]> freezes(List<RenderedFrame> frames, long start) {
        List<double[]> result = new ArrayList<>();
        double sum = 0;
        int n = 0;
        for (int i = 1; i < frames.size(); i++) {
            long gap = frames.get(i).arrivalMicros() - frames.get(i - 1).arrivalMicros();
            if (n >= 5) {
                double mean = sum / n;
                if (gap >= Math.max(3 * mean, mean + 150_000)) {
                    result.add(new double[] {(frames.get(i - 1).arrivalMicros() - start) / 1e6, (frames.get(i).arrivalMicros() - start) / 1e6});
                    continue;
                }
            }
            sum += gap;
            n++;
        }
        return result;
    }

    private static byte[] timePlot(String title, String yLabel, List<double[]> points, double yMax,
                                   List<double[]> freezes, double seconds) {
        BufferedImage image = canvas(title);
        Graphics2D g = (Graphics2D) image.getGraphics();
        axes(g, "seconds", 0, seconds, yLabel, yMax);
        for (double[] freeze : freezes) {
            g.setColor(FREEZE);
            int x1 = x(freeze[0], seconds);
            int x2 = x(freeze[1], seconds);
            g.fillRect(x1, TOP, Math.max(2, x2 - x1), HEIGHT - TOP - BOTTOM);
        }
        g.setColor(LINE);
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 1; i < points.size(); i++) {
            g.drawLine(x(points.get(i - 1)[0], seconds), y(points.get(i - 1)[1], yMax),
                    x(points.get(i)[0], seconds), y(points.get(i)[1], yMax));
        }
        if (points.size() == 1) {
            g.fillOval(x(points.get(0)[0], seconds) - 2, y(points.get(0)[1], yMax) - 2, 4, 4);
        }
        if (!freezes.isEmpty()) {
            g.setColor(new Color(214, 39, 40));
            g.drawString(freezes.size() + " freeze(s) shaded", WIDTH - RIGHT - 130, TOP - 8);
        }
        return FramePictures.encode(image);
    }

    private static BufferedImage canvas(String title) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = (Graphics2D) image.getGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, LEFT, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        return image;
    }

    private static void axes(Graphics2D g, String xLabel, double xMin, double xMax, String yLabel, double yMax) {
        g.setColor(Color.GRAY);
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        g.setColor(Color.DARK_GRAY);
        for (int i = 0; i <= 4; i++) {
            double value = yMax * i / 4;
            int y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * i / 4;
            g.drawString(String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.2f", value), 8, y + 4);
            double xValue = xMin + (xMax - xMin) * i / 4;
            int x = LEFT + (WIDTH - LEFT - RIGHT) * i / 4;
            g.drawString(String.format(Locale.ROOT, "%.1f", xValue), x - 8, HEIGHT - BOTTOM + 14);
        }
        g.drawString(xLabel, WIDTH / 2 - 20, HEIGHT - 6);
        g.drawString(yLabel, LEFT + 4, TOP - 4 + 0);
    }

    private static int x(double seconds, double span) {
        return LEFT + (int) ((WIDTH - LEFT - RIGHT) * seconds / span);
    }

    private static int y(double value, double yMax) {
        return HEIGHT - BOTTOM - (int) ((HEIGHT - TOP - BOTTOM) * Math.min(value, yMax) / yMax);
    }

    private static double max(List<double[]> points, double floor) {
        return Math.max(floor, points.stream().mapToDouble(p -> p[1]).max().orElse(floor));
    }

    private static byte[] empty(String title, String why) {
        BufferedImage image = canvas(title);
        Graphics2D g = (Graphics2D) image.getGraphics();
        g.setColor(Color.DARK_GRAY);
        g.drawString(why, LEFT, HEIGHT / 2);
        return FramePictures.encode(image);
    }
}
