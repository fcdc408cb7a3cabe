package io.trtcsim.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The reports of a run's shards as one: every shard, their intervals side by side on one clock
 * (each shard counts its time from its own start, and shards of a Kubernetes Indexed Job or a CI
 * matrix may start seconds or minutes apart), every stream over the steady windows, judged again.
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

    /**
     * The shards' intervals on one clock. Each shard is moved by a whole number of intervals,
     * decided once from its start against the earliest shard's (rounded to the nearest interval),
     * so a shard that started a few intervals late is not lined up with the others' first ones.
     * Within a shard, an interval keeps its place by its own elapsed time; one that would land
     * where its shard already has one goes to the next. Deciding the move once matters: a shard
     * started half an interval after the others, rounded per interval, had its intervals jitter
     * between two places and left merged intervals holding one shard only (seen on a loaded CI
     * machine, where the second shard's JVM started about a second after the first's). The merged
     * interval's elapsed time counts from the earliest start.
     */
    private static List<LoadSample> samples(List<Source> sources) {
        long origin = sources.stream().mapToLong(LoadMerge::startedEpochMillis).min().orElseThrow();
        Map<Integer, List<LoadSample>> byInterval = new TreeMap<>();
        double interval = 0;
        for (Source source : sources) {
            List<LoadSample> own = source.report().samples();
            if (own.isEmpty()) {
                continue;
            }
            double shardInterval = own.get(0).intervalSeconds();
            long offsetMillis = startedEpochMillis(source) - origin;
            int shift = (int) Math.round(offsetMillis / 1000.0 / shardInterval);
            int previous = -1;
            for (LoadSample sample : own) {
                interval = Math.max(interval, sample.intervalSeconds());
                int index = Math.max(previous + 1, shift + (int) Math.round(sample.elapsedSeconds() / shardInterval) - 1);
                byInterval.computeIfAbsent(index, k -> new ArrayList<>()).add(sample);
                previous = index;
            }
        }
        List<LoadSample> merged = new ArrayList<>();
        for (Map.Entry<Integer, List<LoadSample>> entry : byInterval.entrySet()) {
            List<LoadSample> parts = entry.getValue();
            merged.add(new LoadSample(
                    (entry.getKey() + 1) * interval,
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

    /** When a report's run began: its shard's start, or its earliest shard's for a merged report. */
    private static long startedEpochMillis(Source source) {
        return source.report().shards().stream().mapToLong(ShardRun::startedEpochMillis).min().orElseThrow();
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
