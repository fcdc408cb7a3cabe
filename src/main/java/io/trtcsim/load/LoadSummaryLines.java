package io.trtcsim.load;

import java.io.PrintWriter;
import java.util.Locale;

/** The lines a run or a merge ends with on the console: the steady window's figures and the verdict. */
final class LoadSummaryLines {

    private LoadSummaryLines() {
    }

    static void print(LoadReport report, PrintWriter console) {
        LoadSummary summary = report.summary();
        StreamAggregate streams = summary.aggregate();
        console.println(String.format(Locale.ROOT, "steady window %.1f..%.1f s: %d/%d joined, %d failed; %d/%d streams"
                        + " rendering, fps lowest %s, median %s; latency p50 %s ms, p95 median %s ms, worst %s ms; %d freezes",
                summary.windowStartSeconds(), summary.windowEndSeconds(), summary.joined(), summary.planned(),
                summary.failed(), streams.rendering(), summary.streamsPlanned(), number(streams.fpsMin()),
                number(streams.fpsMedian()), number(streams.latencyP50Median()), number(streams.latencyP95Median()),
                number(streams.latencyP95Worst()), streams.freezes()));
        report.verdicts().forEach(verdict -> console.println(verdict.describe()));
        if (report.passed()) {
            console.println("PASSED");
        } else {
            console.println("NOT PASSED:");
            report.whyNotPassed().forEach(reason -> console.println("  " + reason));
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}
