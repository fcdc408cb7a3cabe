package io.trtcsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.media.AudioChunk;
import io.trtcsim.media.RenderedFrame;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plots are checked by colour and place, never by exact pixels: fonts differ between machines,
 * the shading colours and the plot frame do not.
 */
class ChartsTest {

    private static final int BLUE = 0x1F77B4;
    private static final int ORANGE = 0xFF7F0E;
    private static final int FRAME = 0x808080;
    /** Translucent red over white or a grid line. */
    private static final IntPredicate FREEZE_RED = rgb -> red(rgb) - Math.max(green(rgb), blue(rgb)) > 30;
    /** Translucent purple, the first colour of shaded intervals other than freezes. */
    private static final IntPredicate OUTAGE_PURPLE = rgb -> blue(rgb) - green(rgb) > 15 && red(rgb) - green(rgb) > 8;

    /**
     * 25 fps from 0 to 10 s (so every time plot's axis ends at 10 s), with a marker 40 ms old on
     * each frame, and no frame between 4.0 and 4.64 s.
     */
    private static List<RenderedFrame> framesWithFreeze() {
        List<RenderedFrame> frames = new ArrayList<>();
        for (long at = 0; at <= 10_000_000; at += 40_000) {
            if (at < 4_000_000 || at > 4_600_000) {
                frames.add(new RenderedFrame(at, 640, 360, frames.size(), at - 40_000));
            }
        }
        return frames;
    }

    private static List<RenderedFrame> steadyFrames() {
        List<RenderedFrame> frames = new ArrayList<>();
        for (long at = 0; at <= 10_000_000; at += 40_000) {
            frames.add(new RenderedFrame(at, 640, 360, frames.size(), at - 40_000 - (at % 7) * 1000));
        }
        return frames;
    }

    private static List<AudioChunk> audio() {
        List<AudioChunk> chunks = new ArrayList<>();
        for (long at = 0; at < 5_000_000; at += 10_000) {
            chunks.add(new AudioChunk(at + at % 3_000, 480, 48_000, 0.3 + 0.1 * Math.sin(at / 200_000.0)));
        }
        return chunks;
    }

    static Stream<Arguments> videoTimePlots() {
        return Stream.of(
                Arguments.of("frame rate", (BiFunction<String, List<RenderedFrame>, byte[]>) Charts::frameRate),
                Arguments.of("latency", (BiFunction<String, List<RenderedFrame>, byte[]>) Charts::latency));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("videoTimePlots")
    void aFreezeIsShadedWhereItIsAndNowhereElse(String plot, BiFunction<String, List<RenderedFrame>, byte[]> chart) {
        BufferedImage image = decode(chart.apply(plot, framesWithFreeze()));
        Band band = Band.of(image, FREEZE_RED);

        // The freeze spans 4.0 to 4.64 s of a 0..10 s axis: about 6 % of the plot's width, near 43 %.
        assertThat(band.centre()).as("where the band is, as a fraction of the plot's width").isBetween(0.40, 0.48);
        assertThat(band.width()).as("band width").isBetween(0.03, 0.08);
        assertThat(countBelow(image, band.frame().bottom(), FREEZE_RED)).as("the legend's 'freeze' swatch").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("videoTimePlots")
    void steadyVideoHasNoShadeAndNoLegend(String plot, BiFunction<String, List<RenderedFrame>, byte[]> chart) {
        BufferedImage image = decode(chart.apply(plot, steadyFrames()));
        Frame frame = Frame.of(image);

        assertThat(count(image, FREEZE_RED)).as("red pixels").isZero();
        assertThat(count(image, rgb -> rgb == BLUE)).as("the data line").isGreaterThan(100);
        assertThat(countBelow(image, frame.bottom(), rgb -> rgb == BLUE)).as("a legend for a single series").isZero();
    }

    @Test
    void extraIntervalsAreShadedInTheirOwnColourWithALegendEntry() {
        List<ShadedInterval> outage = List.of(new ShadedInterval(1.0, 2.0, "network outage"));
        BufferedImage image = decode(Charts.audioLevel("audio", audio(), outage));
        Band band = Band.of(image, OUTAGE_PURPLE);

        // 1 to 2 s of a 0..5 s axis: a fifth of the width, centred near 30 %.
        assertThat(band.centre()).isBetween(0.26, 0.34);
        assertThat(band.width()).isBetween(0.15, 0.25);
        assertThat(countBelow(image, band.frame().bottom(), OUTAGE_PURPLE)).as("the legend's swatch").isPositive();
        assertThat(count(image, FREEZE_RED)).as("an outage is not a freeze").isZero();
    }

    @Test
    void aVideoPlotShadesFreezesAndOutagesApart() {
        List<ShadedInterval> outage = List.of(new ShadedInterval(7.0, 8.0, "network outage"));
        BufferedImage image = decode(Charts.frameRate("fps", framesWithFreeze(), outage));

        Band freeze = Band.of(image, FREEZE_RED);
        Band down = Band.of(image, OUTAGE_PURPLE);
        assertThat(freeze.centre() + freeze.width() / 2).as("the freeze ends before the outage starts")
                .isLessThan(down.centre() - down.width() / 2);
        assertThat(down.centre()).as("7 to 8 s of a 0..10 s axis").isBetween(0.70, 0.78);
    }

    @Test
    void networkQualityDrawsTheUplinkAndTheDownlinkInTheirOwnColoursWithALegend() {
        List<double[]> uplink = List.of(new double[] {2, 1}, new double[] {4, 4}, new double[] {6, 1});
        List<double[]> downlink = List.of(new double[] {2, 1}, new double[] {4, 1}, new double[] {6, 5});
        BufferedImage image = decode(Charts.networkQuality("q", uplink, downlink));
        Frame frame = Frame.of(image);

        assertThat(count(image, rgb -> rgb == BLUE)).as("uplink blue").isGreaterThan(50);
        assertThat(count(image, rgb -> rgb == ORANGE)).as("downlink orange").isGreaterThan(50);
        assertThat(countBelow(image, frame.bottom(), rgb -> rgb == BLUE)).as("uplink in the legend").isPositive();
        assertThat(countBelow(image, frame.bottom(), rgb -> rgb == ORANGE)).as("downlink in the legend").isPositive();
    }

    @Test
    void networkConditionsDrawEachShapedMeasureAsAStepLineWithTheOutageShaded() {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        series.put("uplink delay (ms)", List.of(new double[] {1, 200}, new double[] {5, 0}, new double[] {10, 0}));
        series.put("uplink capacity (kbps)", List.of(new double[] {1, 300}, new double[] {10, 300}));
        BufferedImage image = decode(Charts.networkConditions("network", series, 10,
                List.of(new ShadedInterval(6, 8, "uplink down"))));

        assertThat(count(image, rgb -> rgb == BLUE)).as("the delay, first colour").isGreaterThan(50);
        assertThat(count(image, rgb -> rgb == ORANGE)).as("the capacity, second colour, on its own axis").isGreaterThan(50);
        Band down = Band.of(image, OUTAGE_PURPLE);
        assertThat(down.centre()).as("6 to 8 s of a 0..10 s axis").isBetween(0.65, 0.75);
    }

    @Test
    void everyPlotIsAPngOfTheReportSize() {
        List<byte[]> plots = List.of(
                Charts.frameRate("fps", steadyFrames()),
                Charts.latency("latency", steadyFrames()),
                Charts.latencyDistribution("distribution", steadyFrames()),
                Charts.audioLevel("audio", audio()),
                Charts.networkQuality("q", List.of(new double[] {1, 1}), List.of(new double[] {1, 2})));
        for (byte[] png : plots) {
            BufferedImage image = decode(png);
            assertThat(image.getWidth()).isEqualTo(ChartStyle.WIDTH);
            assertThat(image.getHeight()).isEqualTo(ChartStyle.HEIGHT);
            assertThat(count(image, rgb -> rgb == BLUE)).as("data drawn").isGreaterThan(20);
        }
    }

    @Test
    void theDistributionCountsEachLatencyOnce() {
        // 100 frames at 40 ms and 50 at 80 ms: two bars, the first twice as tall as the second.
        List<RenderedFrame> frames = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            long at = i * 33_333L;
            frames.add(new RenderedFrame(at, 640, 360, i, at - (i < 100 ? 40_000 : 80_000)));
        }
        BufferedImage image = decode(Charts.latencyDistribution("distribution", frames));
        Frame frame = Frame.of(image);

        int[] heights = IntStream.range(frame.left(), frame.right()).map(x -> filledHeight(image, frame, x)).toArray();
        int tallest = IntStream.of(heights).max().orElseThrow();
        // The empty buckets between the bars are a line along zero, a few pixels high.
        long barColumns = IntStream.of(heights).filter(h -> h > 5).count();
        assertThat(barColumns).as("two narrow bars").isBetween(4L, frame.width() / 8L);
        assertThat(IntStream.of(heights).filter(h -> h > 5 && h < tallest * 0.6).min().orElseThrow())
                .as("the 80 ms bar, half the 40 ms one").isBetween((int) (tallest * 0.4), (int) (tallest * 0.6));
    }

    @Test
    void withoutDataEachPlotSaysSoInsteadOfFailing() {
        List<RenderedFrame> unmarked = List.of(new RenderedFrame(0, 640, 360, -1, -1),
                new RenderedFrame(33_333, 640, 360, -1, -1));
        List<byte[]> plots = List.of(
                Charts.frameRate("fps", List.of()),
                Charts.latency("latency", List.of()),
                Charts.latency("latency", unmarked),
                Charts.latencyDistribution("distribution", unmarked),
                Charts.audioLevel("audio", List.of()),
                Charts.networkQuality("q", List.of(), List.of()));
        for (byte[] png : plots) {
            BufferedImage image = decode(png);
            assertThat(image.getWidth()).isEqualTo(ChartStyle.WIDTH);
            assertThat(count(image, rgb -> rgb == BLUE || rgb == ORANGE)).as("no data drawn").isZero();
            assertThat(darkPixelsNearTheMiddle(image)).as("the reason, written in the middle").isPositive();
        }
    }

    @Test
    void aSingleSecondOfVideoIsStillAPoint() {
        List<RenderedFrame> frames = List.of(new RenderedFrame(0, 640, 360, 0, -40_000),
                new RenderedFrame(100_000, 640, 360, 1, 60_000));
        assertThat(count(decode(Charts.frameRate("fps", frames)), rgb -> rgb == BLUE)).isPositive();
    }

    @Test
    void aShadedIntervalEndsAfterItStartsAndHasALabel() {
        assertThatThrownBy(() -> new ShadedInterval(2, 1, "outage")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShadedInterval(1, 2, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void axisTopsAreRoundNumbers() {
        assertThat(ChartStyle.niceCeiling(34.5)).isEqualTo(40);
        assertThat(ChartStyle.niceCeiling(30)).isEqualTo(30);
        assertThat(ChartStyle.niceCeiling(101)).isEqualTo(120);
        assertThat(ChartStyle.niceCeiling(0.27)).isEqualTo(0.3);
        assertThat(ChartStyle.niceCeiling(0)).isEqualTo(1);
    }

    /** The plot's border: the longest horizontal runs of its grey, top and bottom. */
    private record Frame(int left, int right, int top, int bottom) {

        static Frame of(BufferedImage image) {
            int top = -1;
            int bottom = -1;
            int left = 0;
            int right = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                int[] run = longestRun(image, y, rgb -> rgb == FRAME);
                if (run[1] - run[0] > image.getWidth() / 2) {
                    top = top < 0 ? y : top;
                    bottom = y;
                    left = run[0];
                    right = run[1];
                }
            }
            assertThat(bottom).as("the plot's border").isGreaterThan(top);
            return new Frame(left, right, top, bottom);
        }

        int width() {
            return right - left;
        }

        double fraction(double x) {
            return (x - left) / width();
        }
    }

    /**
     * The one shaded band of a colour: the columns inside the plot where at least half of the
     * height has it, which must be there and side by side. Centre and width are fractions of the
     * plot's width.
     */
    private record Band(Frame frame, double centre, double width) {

        static Band of(BufferedImage image, IntPredicate colour) {
            Frame frame = Frame.of(image);
            List<Integer> columns = new ArrayList<>();
            for (int x = frame.left() + 1; x < frame.right(); x++) {
                int matching = 0;
                for (int y = frame.top() + 1; y < frame.bottom(); y++) {
                    if (colour.test(image.getRGB(x, y) & 0xFFFFFF)) {
                        matching++;
                    }
                }
                if (matching > (frame.bottom() - frame.top()) / 2) {
                    columns.add(x);
                }
            }
            assertThat(columns).as("shaded columns").isNotEmpty();
            int first = columns.get(0);
            int last = columns.get(columns.size() - 1);
            assertThat(last - first + 1).as("one band, nothing shaded elsewhere").isEqualTo(columns.size());
            return new Band(frame, frame.fraction((first + last) / 2.0), columns.size() / (double) frame.width());
        }
    }

    /** How high the histogram's fill reaches in that column (0 where it has none). */
    private static int filledHeight(BufferedImage image, Frame frame, int x) {
        int filled = 0;
        for (int y = frame.top() + 1; y < frame.bottom(); y++) {
            int rgb = image.getRGB(x, y) & 0xFFFFFF;
            if (blue(rgb) - red(rgb) > 40) {
                filled++;
            }
        }
        return filled;
    }

    private static int[] longestRun(BufferedImage image, int y, IntPredicate colour) {
        int[] best = {0, 0};
        int start = -1;
        for (int x = 0; x <= image.getWidth(); x++) {
            boolean match = x < image.getWidth() && colour.test(image.getRGB(x, y) & 0xFFFFFF);
            if (match && start < 0) {
                start = x;
            } else if (!match && start >= 0) {
                if (x - 1 - start > best[1] - best[0]) {
                    best = new int[] {start, x - 1};
                }
                start = -1;
            }
        }
        return best;
    }

    private static long count(BufferedImage image, IntPredicate colour) {
        return countBelow(image, -1, colour);
    }

    private static long countBelow(BufferedImage image, int row, IntPredicate colour) {
        long count = 0;
        for (int y = row + 1; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (colour.test(image.getRGB(x, y) & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static long darkPixelsNearTheMiddle(BufferedImage image) {
        long count = 0;
        for (int y = image.getHeight() * 2 / 5; y < image.getHeight() * 3 / 5; y++) {
            for (int x = image.getWidth() / 3; x < image.getWidth() * 2 / 3; x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (red(rgb) < 128 && green(rgb) < 128 && blue(rgb) < 128) {
                    count++;
                }
            }
        }
        return count;
    }

    private static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as("a PNG").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }
}
