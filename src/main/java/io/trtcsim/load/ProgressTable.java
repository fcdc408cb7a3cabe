package io.trtcsim.load;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The table a load run prints while it runs, one row per interval: participants joined, streams
 * rendering, frame rate and latency across the streams, freezes, and the harness's CPU and memory.
 */
final class ProgressTable {

    private static final String HEADER = String.format(Locale.ROOT, "%6s %11s %6s %11s %7s %7s %7s %7s %8s %7s %6s %7s %7s",
            "time", "joined", "failed", "rendering", "fps", "fps", "p50", "p95", "p95", "freezes", "cpu", "rss", "heap");
    private static final String UNITS = String.format(Locale.ROOT, "%6s %11s %6s %11s %7s %7s %7s %7s %8s %7s %6s %7s %7s",
            "s", "", "", "streams", "median", "lowest", "ms", "ms", "worst ms", "", "cores", "MB", "MB");

    private final PrintWriter out;
    private boolean headerPrinted;

    ProgressTable(PrintWriter out) {
        this.out = out;
    }

    synchronized void print(LoadSample sample) {
        if (!headerPrinted) {
            out.println(HEADER);
            out.println(UNITS);
            headerPrinted = true;
        }
        out.println(row(sample));
        // Whoever reads the progress (a terminal, a CI log, a pipe) sees each row as it comes.
        out.flush();
    }

    static String row(LoadSample sample) {
        StreamAggregate streams = sample.aggregate();
        return String.format(Locale.ROOT, "%6.1f %11s %6d %11s %7s %7s %7s %7s %8s %7d %6.2f %7.0f %7.0f",
                sample.elapsedSeconds(), sample.joined() + "/" + sample.planned(), sample.failed(),
                streams.rendering() + "/" + sample.streamsPlanned(), number(streams.fpsMedian()), number(streams.fpsMin()),
                number(streams.latencyP50Median()), number(streams.latencyP95Median()), number(streams.latencyP95Worst()),
                streams.freezes(), sample.cpuCores(), sample.residentMegabytes(), sample.heapMegabytes());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}
