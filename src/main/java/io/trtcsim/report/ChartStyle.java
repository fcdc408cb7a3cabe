package io.trtcsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look all report plots share, the shading of intervals, and the PNG encoding. */
final class ChartStyle {

    static final int WIDTH = 760;
    static final int HEIGHT = 300;
    static final Color BLUE = new Color(0x1F77B4);
    static final Color ORANGE = new Color(0xFF7F0E);
    static final String FREEZE = "freeze";
    /** Colours for plots with several series, after matplotlib's "tab10": told apart by most readers. */
    static final List<Color> PALETTE = List.of(BLUE, ORANGE, new Color(0x2CA02C), new Color(0xD62728),
            new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F));
    /** Translucent, so a line inside a shaded interval stays visible. */
    static final Color FREEZE_SHADE = new Color(214, 39, 40, 70);
    /** Other shaded labels (network outages, ...) in the order they first appear. */
    private static final List<Color> SHADES = List.of(new Color(148, 103, 189, 80), new Color(127, 127, 127, 80),
            new Color(140, 86, 75, 80));

    private ChartStyle() {
    }

    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler style = chart.getStyler();
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotBackgroundColor(Color.WHITE);
        style.setPlotBorderColor(Color.GRAY);
        style.setPlotGridLinesColor(new Color(225, 225, 225));
        style.setChartTitleBoxVisible(false);
        style.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        style.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        style.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        style.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        // Below the plot the legend takes no width from the time axis and covers no data.
        style.setLegendPosition(LegendPosition.OutsideS);
        style.setLegendLayout(LegendLayout.Horizontal);
        style.setLegendBorderColor(Color.WHITE);
        style.setMarkerSize(5);
        return chart;
    }

    /** A data series as a line in the given colour; a marker only for a lone point, which no line shows. */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(1.5f));
        series.setMarker(x.length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        series.setMarkerColor(color);
        return series;
    }

    /**
     * Shades each interval from 0 to {@code top} (the y axis is fixed to 0..top so the shade fills
     * the plot's height), one legend entry a label. XChart has no shaded region: each band is a
     * rectangle of a polygon-area series (the one style whose legend shows a filled box), and NaN
     * points close one rectangle before the next.
     */
    static void shade(XYChart chart, List<ShadedInterval> intervals, double top) {
        Map<String, List<ShadedInterval>> byLabel = new LinkedHashMap<>();
        intervals.stream().sorted(Comparator.comparingDouble(ShadedInterval::fromSeconds))
                .forEach(i -> byLabel.computeIfAbsent(i.label(), label -> new ArrayList<>()).add(i));
        int other = 0;
        for (Map.Entry<String, List<ShadedInterval>> group : byLabel.entrySet()) {
            Color colour = group.getKey().equals(FREEZE) ? FREEZE_SHADE : SHADES.get(other++ % SHADES.size());
            List<ShadedInterval> bands = group.getValue();
            double[] x = new double[bands.size() * 5];
            double[] y = new double[bands.size() * 5];
            for (int i = 0; i < bands.size(); i++) {
                double from = bands.get(i).fromSeconds();
                double to = bands.get(i).toSeconds();
                System.arraycopy(new double[] {from, from, to, to, to}, 0, x, 5 * i, 5);
                System.arraycopy(new double[] {0, top, top, 0, Double.NaN}, 0, y, 5 * i, 5);
            }
            XYSeries series = chart.addSeries(group.getKey(), x, y);
            series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
            series.setFillColor(colour);
            series.setLineColor(colour);
            series.setLineStyle(SeriesLines.NONE);
            series.setMarker(SeriesMarkers.NONE);
        }
    }

    /** A chart that says why it has nothing to show, in the same frame as the others. */
    static byte[] empty(String title, String why) {
        XYChart chart = chart(title, "", "");
        XYStyler style = chart.getStyler();
        style.setAxisTicksVisible(false);
        style.setPlotGridLinesVisible(false);
        style.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        style.setAnnotationTextFontColor(Color.DARK_GRAY);
        // In screen space: without a series the data space has no extent to place it in.
        chart.addAnnotation(new AnnotationText(why, WIDTH / 2.0, HEIGHT / 2.0, true));
        return png(chart);
    }

    /** The PNG of the chart; a legend only when there is more than one series to tell apart. */
    static byte[] png(XYChart chart) {
        chart.getStyler().setLegendVisible(chart.getSeriesMap().size() > 1);
        // ImageIO caches an encoded image in a temporary file unless told not to, and that file's
        // stream registers a shutdown hook: a report drawn while the JVM shuts down (a load run
        // stopped by Ctrl-C) then fails. These PNGs go to memory; a cache on disk buys nothing.
        ImageIO.setUseCache(false);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG", e);
        }
    }

    /** The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^n) at or above the value: an axis top. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        int exponent = (int) Math.floor(Math.log10(value));
        for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            // Dividing by a power of ten, not multiplying by its inverse, keeps 0.3 from becoming 0.30000000000000004.
            double candidate = exponent >= 0 ? step * Math.pow(10, exponent) : step / Math.pow(10, -exponent);
            if (candidate >= value) {
                return candidate;
            }
        }
        throw new IllegalStateException("no round number at or above " + value);
    }
}
