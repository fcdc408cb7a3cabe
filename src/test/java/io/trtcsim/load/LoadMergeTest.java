package io.trtcsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards' reports as one, and the shards that cannot belong to one run, refused by name. */
class LoadMergeTest {

    private static final List<Threshold> MIN_14 = List.of(new Threshold(Criterion.MIN_FPS, 14));

    private static LoadMerge.Source source(String file, LoadReport report) {
        return new LoadMerge.Source(Path.of(file), report);
    }

    @Test
    void twoShardsMergeIntoOneRunJudgedAgain() {
        LoadReport merged = LoadMerge.merge(List.of(
                source("shard-1/load-report.json", ShardReports.shard(1, 2, new RoomRange(1001, 1001), MIN_14)),
                source("shard-0/load-report.json", ShardReports.shard(0, 2, new RoomRange(1000, 1000), MIN_14))), List.of());

        assertThat(merged.shards()).extracting(ShardRun::shardIndex).containsExactly(0, 1);
        assertThat(merged.participants()).containsExactly("s0-pub-1", "s0-sub-1", "s0-sub-2", "s1-pub-1", "s1-sub-1", "s1-sub-2");
        assertThat(merged.samples()).hasSize(2);
        LoadSample second = merged.samples().get(1);
        assertThat(second.joined()).isEqualTo(6);
        assertThat(second.streamsPlanned()).isEqualTo(4);
        assertThat(second.aggregate().rendering()).isEqualTo(4);
        assertThat(second.cpuCores()).isEqualTo(0.4 + 1.4);
        assertThat(second.harness()).extracting(HarnessFigures::shard).containsExactlyInAnyOrder(0, 1);
        assertThat(merged.summary().aggregate().fpsMin()).isEqualTo(14.0);
        assertThat(merged.summary().aggregate().latencyP95Worst()).isEqualTo(21.0);
        assertThat(merged.verdicts()).containsExactly(new Verdict(MIN_14.get(0), 14.0, true));
        assertThat(merged.passed()).isTrue();
    }

    @Test
    void intervalsAreLinedUpByTheTimeTheyEndedNotByTheirNumber() {
        // Shard 1 starts 1 s after shard 0 (the fixtures' offset), shard 2 two intervals (10 s) later.
        LoadReport late = ShardReports.shard(2, 3, new RoomRange(1002, 1002), MIN_14);
        ShardRun run = late.shards().get(0);
        ShardRun started10sLater = ShardReports.startedAt(run, run.startedEpochMillis() - 2000 + 10_000);
        LoadReport merged = LoadMerge.merge(List.of(
                source("a", ShardReports.shard(0, 3, new RoomRange(1000, 1000), MIN_14)),
                source("b", ShardReports.shard(1, 3, new RoomRange(1001, 1001), MIN_14)),
                source("c", LoadReport.judged(List.of(started10sLater), late.samples(), late.summary(), MIN_14, List.of()))),
                List.of());

        assertThat(merged.samples()).extracting(LoadSample::elapsedSeconds).containsExactly(5.0, 10.0, 15.0, 20.0);
        assertThat(merged.samples()).extracting(LoadSample::joined).containsExactly(6, 6, 3, 3);
        assertThat(merged.samples().get(2).harness()).extracting(HarnessFigures::shard).containsExactly(2);
    }

    @Test
    void aShardStartedNearlyHalfAnIntervalLateStaysBesideTheOthersThroughItsJitter() {
        // Shard 1 starts 2.45 s (just under half of 5 s) after shard 0; its intervals end 5.1 s
        // and 9.95 s in. Rounded interval by interval, the first went one place late and the
        // second beside shard 0's second, leaving two merged intervals of one shard each.
        LoadReport shard1 = ShardReports.shard(1, 2, new RoomRange(1001, 1001), MIN_14);
        ShardRun run = shard1.shards().get(0);
        ShardRun startedLater = ShardReports.startedAt(run, run.startedEpochMillis() - 1000 + 2450);
        List<Double> ends = List.of(5.1, 9.95);
        List<LoadSample> jittered = new ArrayList<>();
        for (int k = 0; k < ends.size(); k++) {
            LoadSample s = shard1.samples().get(k);
            jittered.add(new LoadSample(ends.get(k), s.intervalSeconds(), s.joined(), s.failed(), s.planned(),
                    s.streamsPlanned(), s.streams(), s.harness()));
        }
        LoadReport merged = LoadMerge.merge(List.of(
                source("a", ShardReports.shard(0, 2, new RoomRange(1000, 1000), MIN_14)),
                source("b", LoadReport.judged(List.of(startedLater), jittered, shard1.summary(), MIN_14, List.of()))),
                List.of());

        assertThat(merged.samples()).extracting(LoadSample::elapsedSeconds).containsExactly(5.0, 10.0);
        assertThat(merged.samples()).allSatisfy(sample ->
                assertThat(sample.harness()).extracting(HarnessFigures::shard).containsExactlyInAnyOrder(0, 1));
    }

    @Test
    void thresholdsGivenToTheMergeOverrideTheShards() {
        LoadReport merged = LoadMerge.merge(List.of(
                source("a", ShardReports.shard(0, 2, new RoomRange(1000, 1000), MIN_14)),
                source("b", ShardReports.shard(1, 2, new RoomRange(1001, 1001), List.of()))),
                List.of(new Threshold(Criterion.MAX_P95_MS, 20.5)));

        assertThat(merged.whyNotPassed()).containsExactly("MISSED: --max-p95-ms 20.5 (worst stream latency p95 21.0 ms)");
        assertThatThrownBy(() -> LoadMerge.merge(List.of(
                source("a", ShardReports.shard(0, 2, new RoomRange(1000, 1000), MIN_14)),
                source("b", ShardReports.shard(1, 2, new RoomRange(1001, 1001), List.of()))), List.of()))
                .hasMessage("the shards were run with different thresholds (a: [--min-fps 14]; b: []); state the merged run's"
                        + " on the merge's command line (--min-fps, --max-p95-ms, --max-freezes)");
    }

    @Test
    void aMissingShardIsAFailureOfTheMergedRun() {
        LoadReport merged = LoadMerge.merge(List.of(source("a", ShardReports.shard(0, 3, new RoomRange(1000, 1000), MIN_14)),
                source("c", ShardReports.shard(2, 3, new RoomRange(1002, 1002), MIN_14))), List.of());

        assertThat(merged.failures()).containsExactly("shard 1 of 3 has no report among those merged");
        assertThat(merged.passed()).isFalse();
    }

    @Test
    void shardsThatCannotBelongToOneRunAreRefused() {
        assertThatThrownBy(() -> LoadMerge.merge(List.of(source("a.json", ShardReports.shard(0, 2, new RoomRange(1000, 1000), MIN_14)),
                source("b.json", ShardReports.shard(0, 2, new RoomRange(1001, 1001), MIN_14))), List.of()))
                .hasMessage("shard 0 appears twice: in a.json and in b.json; each shard needs its own --shard-index");
        assertThatThrownBy(() -> LoadMerge.merge(List.of(source("a.json", ShardReports.shard(0, 2, new RoomRange(1000, 1003), MIN_14)),
                source("b.json", ShardReports.shard(1, 2, new RoomRange(1002, 1005), MIN_14))), List.of()))
                .hasMessage("the room ranges of shard 0 (1000..1003, a.json) and shard 1 (1002..1005, b.json) overlap in rooms"
                        + " 1002..1003: shards must not share rooms");
        assertThatThrownBy(() -> LoadMerge.merge(List.of(source("a.json", ShardReports.shard(0, 2, new RoomRange(1000, 1000), MIN_14)),
                source("b.json", ShardReports.shard(1, 3, new RoomRange(1001, 1001), MIN_14))), List.of()))
                .hasMessage("shards of one run must share their --shard-count: shard 0 (a.json) has 2, shard 1 (b.json) has 3");
    }

    @Test
    void whatIsNoLoadReportIsRefusedNamingTheFile(@TempDir Path folder) {
        assertThatThrownBy(() -> LoadMerge.read(List.of(folder)))
                .hasMessage(folder.resolve("load-report.json") + " is not a file: give a load run's output folder or its load-report.json");
        assertThatThrownBy(() -> LoadMerge.read(List.of())).hasMessageStartingWith("no shard to merge");
    }
}
