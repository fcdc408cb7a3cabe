package io.trtcsim.bench;

import java.util.Locale;

/** How the benchmark's tables print figures: fixed decimals, "n/a" for a figure that was not measured. */
final class Format {

    private Format() {
    }

    static String millis(double value) {
        return fixed(value, "%.1f");
    }

    static String whole(double value) {
        return fixed(value, "%.0f");
    }

    static String decimal(double value) {
        return fixed(value, "%.1f");
    }

    static String cores(double value) {
        return fixed(value, "%.2f");
    }

    static String ratio(double value) {
        return fixed(value, "%.2f");
    }

    private static String fixed(double value, String format) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, format, value);
    }

    /** The first line of a failure: the harness's messages go on with whole event journals. */
    static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
