package io.trtcsim.load;

import io.trtcsim.report.Charts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/** The plots of a load report over the run's time, as PNG images by title. */
final class LoadCharts {

    private LoadCharts() {
    }

    static Map<String, byte[]> of(LoadReport report) {
        List<LoadSample> samples = report.samples();
        double[] seconds = values(samples, LoadSample::elapsedSeconds);
        Map<String, byte[]> charts = new LinkedHashMap<>();
        charts.put("Participants and streams", Charts.overTime("Participants and streams", "count", seconds, new Lines(samples)
                .with("participants joined", LoadSample::joined)
                .with("participants planned", LoadSample::planned)
                .with("join failures", LoadSample::failed)
                .with("streams rendering", s -> s.aggregate().rendering())
                .with("streams planned", LoadSample::streamsPlanned).byName));
        charts.put("Frame rate", Charts.overTime("Frame rate of the streams in each interval", "frames per second",
                seconds, new Lines(samples)
                        .with("median stream", s -> s.aggregate().fpsMedian())
                        .with("lowest stream", s -> s.aggregate().fpsMin()).byName));
        charts.put("Latency", Charts.overTime("Capture-to-render latency of the streams in each interval", "ms", seconds,
                new Lines(samples)
                        .with("p50 (median stream)", s -> s.aggregate().latencyP50Median())
                        .with("p95 (median stream)", s -> s.aggregate().latencyP95Median())
                        .with("p95 (worst stream)", s -> s.aggregate().latencyP95Worst())
                        .with("p99 (worst stream)", s -> s.aggregate().latencyP99Worst()).byName));
        charts.put("Harness CPU", Charts.overTime("CPU of the load process" + (report.shards().size() > 1 ? "es" : ""),
                "cores", seconds, perShard(samples, HarnessFigures::cpuCores)));
        charts.put("Harness memory", Charts.overTime("Memory of the load process" + (report.shards().size() > 1 ? "es" : ""),
                "MB", seconds, memory(samples)));
        return charts;
    }

    private static Map<String, double[]> memory(List<LoadSample> samples) {
        Map<String, double[]> series = new LinkedHashMap<>();
        perShard(samples, HarnessFigures::residentMegabytes).forEach((shard, values) -> series.put("resident, " + shard, values));
        perShard(samples, HarnessFigures::heapMegabytes).forEach((shard, values) -> series.put("Java heap, " + shard, values));
        return series;
    }

    /** One series a shard, "shard 0", ...; NaN where a shard has no figure for an interval. */
    private static Map<String, double[]> perShard(List<LoadSample> samples, ToDoubleFunction<HarnessFigures> value) {
        TreeSet<Integer> shards = new TreeSet<>();
        samples.forEach(s -> s.harness().forEach(h -> shards.add(h.shard())));
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int shard : shards) {
            series.put("shard " + shard, values(samples, s -> s.harness().stream().filter(h -> h.shard() == shard)
                    .mapToDouble(value).findFirst().orElse(Double.NaN)));
        }
        return series;
    }

    private static double[] values(List<LoadSample> samples, ToDoubleFunction<LoadSample> value) {
        return samples.stream().mapToDouble(value).toArray();
    }

    /** The lines of one plot, in the order they are added (their colours follow it). */
    private static final class Lines {

        private final List<LoadSample> samples;
        private final Map<String, double[]> byName = new LinkedHashMap<>();

        Lines(List<LoadSample> samples) {
            this.samples = samples;
        }

        Lines with(String name, ToDoubleFunction<LoadSample> value) {
            byName.put(name, values(samples, value));
            return this;
        }
    }
}
