package io.trtcsim.load;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The thresholds a run (or a merge of shards) is judged by; none stated, none judged. */
final class ThresholdOptions {

    @Option(names = "--min-fps", paramLabel = "FPS",
            description = "Every stream's frame rate over the steady window at least this (the lowest stream is judged).")
    private Double minFps;

    @Option(names = "--max-p95-ms", paramLabel = "MS",
            description = "Every stream's 95th percentile of capture-to-render latency over the steady window at most this"
                    + " (the worst stream is judged).")
    private Double maxP95Millis;

    @Option(names = "--max-freezes", paramLabel = "N",
            description = "Freezes (libwebrtc's rule) of all streams together over the steady window at most this.")
    private Integer maxFreezes;

    List<Threshold> thresholds() {
        List<Threshold> thresholds = new ArrayList<>();
        if (minFps != null) {
            thresholds.add(new Threshold(Criterion.MIN_FPS, minFps));
        }
        if (maxP95Millis != null) {
            thresholds.add(new Threshold(Criterion.MAX_P95_MS, maxP95Millis));
        }
        if (maxFreezes != null) {
            thresholds.add(new Threshold(Criterion.MAX_FREEZES, maxFreezes));
        }
        return thresholds;
    }
}
