package io.trtcsim.load;

import java.util.ArrayList;
import java.util.List;

/** Reports of made-up shards, with known figures, for the report writer and the merge. */
final class ShardReports {

    private ShardReports() {
    }

    /** Shard {@code index} of {@code count}: one room, one publisher, two subscribers, two intervals of 5 s. */
    static LoadReport shard(int index, int count, RoomRange rooms, List<Threshold> thresholds) {
        String pub = "s" + index + "-pub-1";
        List<String> participants = List.of(pub, "s" + index + "-sub-1", "s" + index + "-sub-2");
        double fps = 14 + index;
        List<LoadSample> samples = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            samples.add(new LoadSample(5.0 * k, 5.0, 3, 0, 3, 2, List.of(
                    new StreamFigures(participants.get(1), pub, rooms.first(), 70, fps, 12 + k, 20 + index, 25, 0),
                    // The first interval of the second subscriber rendered nothing: no latency at all.
                    k == 1 ? StreamFigures.missing(participants.get(2), pub, rooms.first())
                            : new StreamFigures(participants.get(2), pub, rooms.first(), 75, 15, 11, 18, 22, 1)),
                    List.of(new HarnessFigures(index, 0.4 + index, 350 + index, 80))));
        }
        LoadSummary summary = new LoadSummary(5, 10, 3, 0, 3, 2, List.of(
                new StreamFigures(participants.get(1), pub, rooms.first(), 70, fps, 13, 20 + index, 25, 0),
                new StreamFigures(participants.get(2), pub, rooms.first(), 75, 15, 11, 18, 22, 1)));
        ShardRun run = new ShardRun(index, count, "ws://127.0.0.1:7788/signal", rooms, 1, 2, 0, "320x180@15", "full", 2,
                10, 3, 5, "host-" + index, 1_796_000_000_000L + index * 1000L, 10.0, RunEnd.COMPLETED, participants);
        return LoadReport.judged(List.of(run), samples, summary, thresholds, List.of());
    }

    /** The same shard, started at another time. */
    static ShardRun startedAt(ShardRun run, long startedEpochMillis) {
        return new ShardRun(run.shardIndex(), run.shardCount(), run.stack(), run.rooms(),
                run.publishersPerRoom(), run.subscribersPerRoom(), run.audiencePerRoom(), run.video(), run.subscriberKind(),
                run.rampPerSecond(), run.durationSeconds(), run.warmUpSeconds(), run.intervalSeconds(), run.host(),
                startedEpochMillis, run.ranSeconds(), run.end(), run.participants());
    }
}
