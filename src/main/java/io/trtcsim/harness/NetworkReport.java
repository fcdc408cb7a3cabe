package io.trtcsim.harness;

import io.trtcsim.network.Direction;
import io.trtcsim.network.LinkConditions;
import io.trtcsim.report.Charts;
import io.trtcsim.report.ShadedInterval;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The network conditions in a scenario's report: a plot of each shaped participant's conditions
 * over time, and the outages on a media path shaded in that path's plots, so a reader sees a
 * freeze line up with the outage that caused it.
 */
final class NetworkReport {

    static final String OUTAGE = "network outage";

    private NetworkReport() {
    }

    /** What each plotted series reads from one direction's conditions. */
    private record Measure(String name, ToDoubleFunction<LinkConditions> value) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("delay (ms)", link -> link.delay().toMillis()),
            new Measure("jitter (ms)", link -> link.jitter().toMillis()),
            new Measure("loss (%)", LinkConditions::lossPercent),
            new Measure("capacity (kbps)", LinkConditions::capacityKbps));

    /** The participant's conditions over time since {@code originNanos}; nothing when they were never shaped. */
    static void attachConditions(AttachmentSink result, NetworkTimeline timeline, String userId, long originNanos) {
        List<NetworkTimeline.Change> changes = timeline.changes(userId);
        if (changes.isEmpty()) {
            return;
        }
        double end = (System.nanoTime() - originNanos) / 1e9;
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (Direction direction : Direction.values()) {
            for (Measure measure : MEASURES) {
                List<double[]> points = new ArrayList<>();
                for (NetworkTimeline.Change change : changes) {
                    points.add(new double[] {(change.atNanos() - originNanos) / 1e9,
                            measure.value().applyAsDouble(change.conditions().of(direction))});
                }
                // A measure that stayed at zero says nothing: left out, so the legend lists what was shaped.
                if (points.stream().anyMatch(p -> p[1] != 0)) {
                    points.add(new double[] {end, points.get(points.size() - 1)[1]});
                    series.put(direction + " " + measure.name(), points);
                }
            }
        }
        List<ShadedInterval> outages = new ArrayList<>();
        // The scenario's origin on the media clock, which outages are timed on.
        long originMicros = changes.get(0).atMicros() - (changes.get(0).atNanos() - originNanos) / 1000;
        for (Direction direction : Direction.values()) {
            for (NetworkTimeline.Outage outage : timeline.outages(userId, direction, Long.MAX_VALUE / 2)) {
                double from = (outage.fromMicros() - originMicros) / 1e6;
                double to = Math.min(end, (outage.toMicros() - originMicros) / 1e6);
                outages.add(new ShadedInterval(from, Math.max(from, to), direction + " down"));
            }
        }
        result.attach(Charts.networkConditions("network conditions of " + userId, series, end, outages), "image/png",
                "network conditions of " + userId);
        StringBuilder text = new StringBuilder();
        for (NetworkTimeline.Change change : changes) {
            text.append(String.format(Locale.ROOT, "%8.3f s  %s%n", (change.atNanos() - originNanos) / 1e9,
                    change.conditions()));
        }
        result.attach(text.toString().getBytes(StandardCharsets.UTF_8), "text/plain",
                "network condition changes of " + userId);
    }

    /**
     * The outages on the path from {@code publisher} to {@code receiver} (the publisher's uplink or
     * the receiver's downlink down), in seconds from {@code startMicros} on the media clock, cut to
     * [0, {@code endMicros}].
     */
    static List<ShadedInterval> outagesOnPath(NetworkTimeline timeline, String publisher, String receiver,
                                              long startMicros, long endMicros) {
        List<NetworkTimeline.Outage> outages = new ArrayList<>(timeline.outages(publisher, Direction.UPLINK, endMicros));
        outages.addAll(timeline.outages(receiver, Direction.DOWNLINK, endMicros));
        List<ShadedInterval> shaded = new ArrayList<>();
        for (NetworkTimeline.Outage outage : outages) {
            double from = Math.max(0, (outage.fromMicros() - startMicros) / 1e6);
            double to = (Math.min(endMicros, outage.toMicros()) - startMicros) / 1e6;
            if (to > 0) {
                shaded.add(new ShadedInterval(from, Math.max(from, to), OUTAGE));
            }
        }
        return shaded;
    }
}
