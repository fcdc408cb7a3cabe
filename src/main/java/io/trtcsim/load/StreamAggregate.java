package io.trtcsim.load;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Many streams in a few numbers, as the fan-out benchmark states its criteria: the lowest and the
 * median frame rate, the median and the worst latency percentiles, freezes in all. A stream that
 * rendered nothing counts with 0 fps and no latency.
 *
 * @param streams streams measured (planned streams of joined subscribers)
 * @param rendering those that rendered at least one frame
 */
public record StreamAggregate(int streams, int rendering, double fpsMin, double fpsMedian, double latencyP50Median,
                              double latencyP95Median, double latencyP95Worst, double latencyP99Worst, int freezes) {

    public static StreamAggregate of(List<StreamFigures> figures) {
        return new StreamAggregate(figures.size(),
                (int) figures.stream().filter(StreamFigures::rendering).count(),
                figures.stream().mapToDouble(StreamFigures::fps).min().orElse(Double.NaN),
                median(figures, StreamFigures::fps),
                median(figures, StreamFigures::latencyP50Millis),
                median(figures, StreamFigures::latencyP95Millis),
                worst(figures, StreamFigures::latencyP95Millis),
                worst(figures, StreamFigures::latencyP99Millis),
                figures.stream().mapToInt(StreamFigures::freezes).sum());
    }

    /** The median of the values that exist (NaN left out); NaN when none does. */
    static double median(List<StreamFigures> figures, ToDoubleFunction<StreamFigures> value) {
        double[] sorted = figures.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The largest value that exists; NaN when none does. */
    static double worst(List<StreamFigures> figures, ToDoubleFunction<StreamFigures> value) {
        return Arrays.stream(figures.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).toArray()).max()
                .orElse(Double.NaN);
    }
}
