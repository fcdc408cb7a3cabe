package io.trtcsim.load;

import java.util.List;

/**
 * One load process as its report records it: its plan, when it ran, how it ended and who joined.
 * The merge checks these against each other (no shard twice, no room in two shards).
 *
 * @param startedEpochMillis when its first participant started joining
 * @param participants the userIds that joined their room
 */
public record ShardRun(int shardIndex, int shardCount, String stack, RoomRange rooms, int publishersPerRoom,
                       int subscribersPerRoom, int audiencePerRoom, String video, String subscriberKind,
                       double rampPerSecond, double durationSeconds, double warmUpSeconds, double intervalSeconds,
                       String host, long startedEpochMillis, double ranSeconds, RunEnd end, List<String> participants) {

    public ShardRun {
        participants = List.copyOf(participants);
    }

    static ShardRun of(LoadPlan plan, double intervalSeconds, String host, long startedEpochMillis, double ranSeconds,
                       RunEnd end, List<String> participants) {
        return new ShardRun(plan.shard().index(), plan.shard().count(), plan.stack(), plan.rooms(),
                plan.publishersPerRoom(), plan.subscribersPerRoom(), plan.audiencePerRoom(), plan.video().toString(),
                plan.subscriberKind().optionName(), plan.rampPerSecond(), plan.duration().toMillis() / 1000.0,
                plan.warmUp().toMillis() / 1000.0, intervalSeconds, host, startedEpochMillis, ranSeconds, end, participants);
    }

    public int planned() {
        return Math.toIntExact(rooms.size() * (publishersPerRoom + subscribersPerRoom + audiencePerRoom));
    }
}
