package io.trtcsim.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The reports of a run's shards as one: every shard, the k-th interval of each side by side (the
 * shards of a Kubernetes Indexed Job or a CI matrix start within seconds of each other, and each
 * counts its time from its own start), every stream over the steady windows, judged again.
 * Refuses shards that cannot belong to one run: a shard twice, rooms or names in two shards,
 * different stacks, shard counts or intervals.
 */
public final class LoadMerge {

    /** A report and the file it was read from, to name in a refusal. */
    public record Source(Path file, LoadReport report) {
    }

    private LoadMerge() {
    }

    /** Reads each shard's report: a run's output folder or its JSON file. */
    public static List<Source> read(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no shard to merge: give each shard's output folder or its " + LoadReportFiles.JSON);
        }
        LoadJson json = new LoadJson();
        List<Source> sources = new ArrayList<>();
        for (Path path : paths) {
            Path file = Files.isDirectory(path) ? path.resolve(LoadReportFiles.JSON) : path;
            sources.add(new Source(file, json.read(file)));
        }
        return sources;
    }

    /**
     * One report of all the shards, judged by {@code thresholds}, or, when none is given, by the
     * thresholds the shards were run with (which must then agree).
     */
    public static LoadReport merge(List<Source> sources, List<Threshold> thresholds) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no shard to merge");
        }
        List<ShardRun> shards = new ArrayList<>();
        Map<ShardRun, Path> fileOf = new HashMap<>();
        for (Source source : sources) {
            for (ShardRun shard : source.report().shards()) {
                shards.add(shard);
                fileOf.put(shard, source.file());
            }
        }
        requireOneRun(shards, fileOf);
        shards.sort((a, b) -> Integer.compare(a.shardIndex(), b.shardIndex()));
        List<String> failures = new ArrayList<>();
        sources.forEach(source -> failures.addAll(source.report().failures()));
        Set<Integer> present = shards.stream().map(ShardRun::shardIndex).collect(Collectors.toSet());
        for (int index = 0; index < shards.get(0).shardCount(); index++) {
            if (!present.contains(index)) {
                failures.add("shard " + index + " of " + shards.get(0).shardCount() + " has no report among those merged");
            }
        }
        return LoadReport.judged(shards, samples(sources), summary(sources), judgedBy(sources, thresholds), failures);
    }

    private static void requireOneRun(List<ShardRun> shards, Map<ShardRun, Path> fileOf) {
        ShardRun first = shards.get(0);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < shards.size(); i++) {
            ShardRun shard = shards.get(i);
            requireSame("stack", first.stack(), shard.stack(), first, shard, fileOf);
            requireSame("--shard-count", first.shardCount(), shard.shardCount(), first, shard, fileOf);
            requireSame("--interval", first.intervalSeconds(), shard.intervalSeconds(), first, shard, fileOf);
            for (int j = 0; j < i; j++) {
                ShardRun earlier = shards.get(j);
                if (earlier.shardIndex() == shard.shardIndex()) {
                    throw new IllegalArgumentException("shard " + shard.shardIndex() + " appears twice: in "
                            + fileOf.get(earlier) + " and in " + fileOf.get(shard) + "; each shard needs its own --shard-index");
                }
                if (earlier.rooms().overlaps(shard.rooms())) {
                    throw new IllegalArgumentException("the room ranges of shard " + earlier.shardIndex() + " ("
                            + earlier.rooms() + ", " + fileOf.get(earlier) + ") and shard " + shard.shardIndex() + " ("
                            + shard.rooms() + ", " + fileOf.get(shard) + ") overlap in rooms "
                            + earlier.rooms().intersection(shard.rooms()) + ": shards must not share rooms");
                }
            }
            for (String name : shard.participants()) {
                if (!names.add(name)) {
                    throw new IllegalArgumentException("participant " + name + " appears in two shards (the second in "
                            + fileOf.get(shard) + "): shards must not share names");
                }
            }
        }
    }

    private static void requireSame(String what, Object expected, Object actual, ShardRun first, ShardRun shard,
                                    Map<ShardRun, Path> fileOf) {
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("shards of one run must share their " + what + ": shard " + first.shardIndex()
                    + " (" + fileOf.get(first) + ") has " + expected + ", shard " + shard.shardIndex() + " ("
                    + fileOf.get(shard) + ") has " + actual);
        }
    }

    /** The k-th interval of every shard that has one, as one interval. */
    private static List<LoadSample> samples(List<Source> sources) {
        int longest = sources.stream().mapToInt(s -> s.report().samples().size()).max().orElse(0);
        List<LoadSample> merged = new ArrayList<>();
        for (int k = 0; k < longest; k++) {
            List<LoadSample> parts = new ArrayList<>();
            for (Source source : sources) {
                if (k < source.report().samples().size()) {
                    parts.add(source.report().samples().get(k));
                }
            }
            merged.add(new LoadSample(
                    parts.stream().mapToDouble(LoadSample::elapsedSeconds).max().orElseThrow(),
                    parts.stream().mapToDouble(LoadSample::intervalSeconds).max().orElseThrow(),
                    parts.stream().mapToInt(LoadSample::joined).sum(),
                    parts.stream().mapToInt(LoadSample::failed).sum(),
                    parts.stream().mapToInt(LoadSample::planned).sum(),
                    parts.stream().mapToInt(LoadSample::streamsPlanned).sum(),
                    parts.stream().flatMap(p -> p.streams().stream()).toList(),
                    parts.stream().flatMap(p -> p.harness().stream()).toList()));
        }
        return merged;
    }

    private static LoadSummary summary(List<Source> sources) {
        List<LoadSummary> parts = sources.stream().map(s -> s.report().summary()).toList();
        return new LoadSummary(
                parts.stream().mapToDouble(LoadSummary::windowStartSeconds).min().orElseThrow(),
                parts.stream().mapToDouble(LoadSummary::windowEndSeconds).max().orElseThrow(),
                parts.stream().mapToInt(LoadSummary::joined).sum(),
                parts.stream().mapToInt(LoadSummary::failed).sum(),
                parts.stream().mapToInt(LoadSummary::planned).sum(),
                parts.stream().mapToInt(LoadSummary::streamsPlanned).sum(),
                parts.stream().flatMap(p -> p.streams().stream()).toList());
    }

    private static List<Threshold> judgedBy(List<Source> sources, List<Threshold> given) {
        if (!given.isEmpty()) {
            return given;
        }
        Set<List<Threshold>> stated = sources.stream().map(s -> s.report().thresholds()).collect(Collectors.toSet());
        if (stated.size() > 1) {
            throw new IllegalArgumentException("the shards were run with different thresholds ("
                    + sources.stream().map(s -> s.file() + ": " + s.report().thresholds())
                            .collect(Collectors.joining("; "))
                    + "); state the merged run's on the merge's command line (--min-fps, --max-p95-ms, --max-freezes)");
        }
        return stated.iterator().next();
    }

    /** The shard indexes of a merged report, for its console line. */
    static String describeShards(LoadReport report) {
        return report.shards().stream().map(s -> s.shardIndex()).collect(Collectors.toCollection(TreeSet::new))
                + " of " + report.shards().get(0).shardCount();
    }
}
