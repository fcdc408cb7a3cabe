package io.trtcsim.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The basic call's figures of each stack side by side, as a Markdown table of medians over the rounds. */
final class StackComparison {

    private StackComparison() {
    }

    static String markdown(CallOptions options, Map<String, List<CallFigures>> byStack,
                           Map<String, String> unavailable) {
        StringBuilder md = new StringBuilder("## The basic call on each stack\n\n");
        if (options.uplinkLoss > 0) {
            md.append(String.format(Locale.ROOT, "**Under a %d %% packet loss on the publisher's uplink** (dropped by "
                    + "the kernel from the first frame on).%n%n", options.uplinkLoss));
        }
        md.append(String.format(Locale.ROOT, "Medians of %d rounds of %d s each, video %s, one publisher and one "
                + "subscriber in one JVM (`CallBenchmark`, docs/measurements.md). Janus and the simulator both "
                + "forward the publisher's RTP packets without decoding them (the simulator's media plane: "
                + "docs/design.md).%n%n", options.rounds, options.seconds, options.profile));
        if (byStack.isEmpty()) {
            md.append("No stack could run.\n");
        } else {
            md.append("| figure |");
            byStack.keySet().forEach(stack -> md.append(' ').append(stack).append(" |"));
            md.append("\n|---|");
            byStack.keySet().forEach(stack -> md.append("---:|"));
            md.append('\n');
            row(md, "join (ms)", byStack, f -> f.joinMillis(), "%.0f");
            row(md, "publish (ms)", byStack, f -> f.publishMillis(), "%.0f");
            row(md, "subscribe (ms)", byStack, f -> f.subscribeMillis(), "%.0f");
            row(md, "first frame after subscribe (ms)", byStack, CallFigures::firstFrameMillis, "%.0f");
            row(md, "frames per second", byStack, CallFigures::fps, "%.1f");
            row(md, "freezes", byStack, f -> f.freezes(), "%.0f");
            row(md, "video latency p50 (ms)", byStack, CallFigures::videoLatencyP50Millis, "%.1f");
            row(md, "video latency p95 (ms)", byStack, CallFigures::videoLatencyP95Millis, "%.1f");
            row(md, "audio latency p50 (ms)", byStack, CallFigures::audioLatencyP50Millis, "%.1f");
            row(md, "audio latency p95 (ms)", byStack, CallFigures::audioLatencyP95Millis, "%.1f");
            row(md, "audio gaps", byStack, f -> f.audioGaps(), "%.0f");
        }
        unavailable.forEach((stack, reason) -> md.append("\n- ").append(stack).append(": could not run here (")
                .append(reason).append(")\n"));
        return md.toString();
    }

    private static void row(StringBuilder md, String figure, Map<String, List<CallFigures>> byStack,
                            ToDoubleFunction<CallFigures> value, String format) {
        md.append("| ").append(figure).append(" |");
        for (List<CallFigures> rounds : byStack.values()) {
            md.append(' ').append(String.format(Locale.ROOT, format, median(rounds, value))).append(" |");
        }
        md.append('\n');
    }

    static double median(List<CallFigures> rounds, ToDoubleFunction<CallFigures> value) {
        double[] values = rounds.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
