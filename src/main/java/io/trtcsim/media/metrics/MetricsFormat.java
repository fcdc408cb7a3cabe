package io.trtcsim.media.metrics;

import java.util.Locale;

/** Number formatting shared by the metrics' one-line summaries and report maps. */
final class MetricsFormat {

    private MetricsFormat() {
    }

    /** Milliseconds with one decimal, or "n/a" for NaN. */
    static String millis(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }

    static String decimal(double value, int places) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + places + "f", value);
    }

    /** A report value: NaN (nothing measured) becomes null, which JSON can carry. */
    static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** A report value: a negative time (never happened) becomes null. */
    static Long orNull(long micros) {
        return micros < 0 ? null : micros;
    }
}
