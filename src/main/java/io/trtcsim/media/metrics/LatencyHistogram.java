package io.trtcsim.media.metrics;

import org.HdrHistogram.Histogram;

/**
 * Latency samples in microseconds and their percentiles in milliseconds.
 *
 * <p>HdrHistogram at {@value #SIGNIFICANT_DIGITS} significant digits: values below 32.768 ms are
 * kept exactly and larger ones in buckets no wider than 0.01 % of the value (2 µs at 40 ms, 32 µs at
 * 1 s). A percentile is the nearest-rank sample (HdrHistogram's rule: the smallest recorded value
 * with at least p % of the samples at or below it), reported as the lower edge of its bucket, so
 * whole-millisecond latencies below 262 ms come out exact. The maximum is kept exactly. The counts
 * array grows with the largest value recorded, a few hundred kilobytes for latencies under a
 * second.
 */
final class LatencyHistogram {

    static final int SIGNIFICANT_DIGITS = 4;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    private long maxMicros = -1;

    void record(long latencyMicros) {
        if (latencyMicros < 0) {
            throw new IllegalArgumentException("latency cannot be negative: " + latencyMicros + " µs");
        }
        histogram.recordValue(latencyMicros);
        maxMicros = Math.max(maxMicros, latencyMicros);
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The {@code percentile} (0..100) in milliseconds, or NaN without samples. */
    double percentileMillis(double percentile) {
        if (count() == 0) {
            return Double.NaN;
        }
        long bucket = histogram.getValueAtPercentile(percentile);
        return histogram.lowestEquivalentValue(bucket) / 1000.0;
    }

    /** The largest sample in milliseconds, or NaN without samples. */
    double maxMillis() {
        return count() == 0 ? Double.NaN : maxMicros / 1000.0;
    }
}
