package io.trtcsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.media.VideoProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a load plan holds, and each refusal naming the option at fault. */
class LoadPlanTest {

    private static final VideoProfile VIDEO = new VideoProfile(320, 180, 15);

    private static LoadPlan plan(Shard shard, RoomRange rooms, int publishers, int subscribers, int audience, double ramp,
                                 Duration duration) {
        return new LoadPlan("embedded", shard, rooms, publishers, subscribers, audience, VIDEO, ramp, duration,
                Duration.ofSeconds(3), SubscriberKind.FULL);
    }

    private static LoadPlan plan(int publishers, int subscribers, int audience) {
        return plan(Shard.ONLY, new RoomRange(1000, 1001), publishers, subscribers, audience, 10, Duration.ofSeconds(30));
    }

    @Test
    void eachShardTakesItsOwnRoomsAndNamesPublishersFirst() {
        Shard second = new Shard(1, 2);
        LoadPlan plan = plan(second, RoomRange.ofShard(1000, 2, second), 1, 2, 1, 10, Duration.ofSeconds(30));

        assertThat(plan.rooms()).isEqualTo(new RoomRange(1002, 1003));
        assertThat(plan.participants()).containsExactly(
                new PlannedParticipant("s1-pub-1", LoadRole.PUBLISHER, 1002),
                new PlannedParticipant("s1-pub-2", LoadRole.PUBLISHER, 1003),
                new PlannedParticipant("s1-sub-1", LoadRole.SUBSCRIBER, 1002),
                new PlannedParticipant("s1-sub-2", LoadRole.SUBSCRIBER, 1002),
                new PlannedParticipant("s1-sub-3", LoadRole.SUBSCRIBER, 1003),
                new PlannedParticipant("s1-sub-4", LoadRole.SUBSCRIBER, 1003),
                new PlannedParticipant("s1-aud-1", LoadRole.AUDIENCE, 1002),
                new PlannedParticipant("s1-aud-2", LoadRole.AUDIENCE, 1003));
        assertThat(plan.publishersIn(1003)).containsExactly("s1-pub-2");
        assertThat(plan.streamsPlanned()).isEqualTo(4);
        assertThat(plan.joinOffset(5)).isEqualTo(Duration.ofMillis(500));
        assertThat(RoomRange.ofShard(1000, 2, new Shard(0, 2))).isEqualTo(new RoomRange(1000, 1001))
                .matches(shard0 -> !shard0.overlaps(plan.rooms()));
    }

    @Test
    void countsOfZeroOrBelowAreRefusedByName() {
        assertThatThrownBy(() -> RoomRange.ofShard(1000, 0, Shard.ONLY)).hasMessage("--rooms 0: a run needs at least one room");
        assertThatThrownBy(() -> plan(-1, 2, 0)).hasMessage("--publishers -1: a count cannot be negative");
        assertThatThrownBy(() -> plan(1, -2, 0)).hasMessage("--subscribers -2: a count cannot be negative");
        assertThatThrownBy(() -> plan(1, 2, -3)).hasMessage("--audience -3: a count cannot be negative");
        assertThatThrownBy(() -> plan(0, 0, 0))
                .hasMessage("no participant planned: --publishers, --subscribers and --audience are all 0");
        assertThatThrownBy(() -> plan(0, 4, 0))
                .hasMessage("--subscribers 4 with --publishers 0: the subscribers would have no stream to render");
        assertThatThrownBy(() -> plan(Shard.ONLY, new RoomRange(1, 1), 1, 1, 0, 0, Duration.ofSeconds(10)))
                .hasMessageStartingWith("--ramp-rate 0.0: participants must join at a finite rate above 0");
        assertThatThrownBy(() -> plan(Shard.ONLY, new RoomRange(1, 1), 1, 1, 0, 1, Duration.ZERO))
                .hasMessage("--duration 0 ms: a run must last some time");
    }

    @Test
    void reversedAndImpossibleRoomRangesAreRefused() {
        assertThatThrownBy(() -> RoomRange.parse("1009..1000"))
                .hasMessage("room range 1009..1000 is reversed: its first room is after its last; write 1000..1009");
        assertThatThrownBy(() -> RoomRange.parse("1000-1009")).hasMessage("--room-range '1000-1009' is not FIRST..LAST, e.g. 1000..1009");
        assertThatThrownBy(() -> RoomRange.parse("0..3")).hasMessageContaining("TRTC's room ids start at 1");
        assertThatThrownBy(() -> RoomRange.ofShard(4_294_967_290L, 5, new Shard(1, 2)))
                .hasMessageContaining("goes past 4294967294");
        assertThat(new RoomRange(1000, 1003).intersection(new RoomRange(1002, 1010))).isEqualTo(new RoomRange(1002, 1003));
    }

    @Test
    void aShardOutsideItsCountIsRefused() {
        assertThatThrownBy(() -> new Shard(2, 2))
                .hasMessage("--shard-index 2 is outside 0..1 (--shard-count 2; shards are numbered from 0, as a Kubernetes"
                        + " completion index)");
        assertThatThrownBy(() -> new Shard(0, 0)).hasMessage("--shard-count 0: there is at least one shard");
    }

    @Test
    void aRampLongerThanTheRunIsRefusedWithItsFigures() {
        assertThatThrownBy(() -> plan(Shard.ONLY, new RoomRange(1, 4), 1, 5, 0, 2, Duration.ofSeconds(10)))
                .hasMessage("--duration 10s leaves nothing to measure: the ramp takes 11.5 s (24 participants at --ramp-rate"
                        + " 2 a second) and --warm-up 3s follows it; lengthen --duration or raise --ramp-rate");
    }

    @Test
    void theSubscriberKindIsTheHarnessKindItsSubscribersAreMadeAs() {
        LoadPlan statsOnly = new LoadPlan("embedded", Shard.ONLY, new RoomRange(1, 1), 1, 1, 0, VIDEO, 1,
                Duration.ofSeconds(10), Duration.ZERO, SubscriberKind.named("stats-only"));
        assertThat(statsOnly.subscriberKind().participantKind()).isEqualTo(io.trtcsim.harness.ParticipantKind.STATS_ONLY);
        assertThat(SubscriberKind.named("full").participantKind()).isEqualTo(io.trtcsim.harness.ParticipantKind.FULL);
        assertThatThrownBy(() -> SubscriberKind.named("cheap"))
                .hasMessage("--subscriber-kind 'cheap' is not known; use full or stats-only");
    }

    @Test
    void aPlanBeyondTheMachineIsRefusedWithItsEstimate() {
        LoadPlan large = plan(Shard.ONLY, new RoomRange(1, 100), 4, 40, 0, 1000, Duration.ofMinutes(10));
        MemoryEstimate estimate = MemoryEstimate.of(large);

        assertThat(estimate.residentMegabytes()).isGreaterThan(4000);
        assertThatThrownBy(() -> estimate.requireFits(OptionalLong.of(4000), 100_000))
                .hasMessageStartingWith("this plan needs about ")
                .hasMessageContaining("but this machine has 4,000 MB available")
                .hasMessageContaining("4000 subscribers × 1 MB")
                .hasMessageContaining("--shard-count");
        assertThatThrownBy(() -> MemoryEstimate.of(plan(Shard.ONLY, new RoomRange(1, 10), 1, 20, 0, 100, Duration.ofHours(2)))
                .requireFits(OptionalLong.of(1_000_000), 1024))
                .hasMessageContaining("but the JVM's maximum heap is 1,024 MB")
                .hasMessageContaining("-Xmx");
        // What this machine (2 cores, 23 GiB) runs in the CI's short run fits.
        MemoryEstimate small = MemoryEstimate.of(plan(1, 4, 0));
        small.requireFits(OptionalLong.of(2000), 1024);
        assertThat(small.residentMegabytes()).isBetween(330.0, 500.0);
    }

    @Test
    void aContainersMemoryLimitIsWhatRemainsOfItNotTheNodesMemory(@TempDir Path cgroup) throws IOException {
        Files.writeString(cgroup.resolve("memory.max"), "2147483648\n");
        Files.writeString(cgroup.resolve("memory.current"), "536870912\n");
        assertThat(MemoryEstimate.cgroupHeadroom(cgroup)).hasValue(1536);
        Files.writeString(cgroup.resolve("memory.max"), "max\n");
        assertThat(MemoryEstimate.cgroupHeadroom(cgroup)).isEmpty();
        assertThat(MemoryEstimate.cgroupHeadroom(cgroup.resolve("absent"))).isEmpty();
    }

    @Test
    void beyondOneProcessIsRefusedBeforeAnyEstimate() {
        assertThatThrownBy(() -> plan(Shard.ONLY, new RoomRange(1, 1000), 1, 99, 1, 10_000, Duration.ofSeconds(60)))
                .hasMessageStartingWith("101000 participants in one process (1000 rooms of 101)");
    }

    @Test
    void thresholdsJudgeTheSteadyWindowAndNothingMeasuredNeverPasses() {
        LoadSummary summary = new LoadSummary(5, 20, 3, 0, 3, 2, List.of(
                new StreamFigures("s0-sub-1", "s0-pub-1", 1000, 225, 15.0, 13, 16, 20, 0),
                new StreamFigures("s0-sub-2", "s0-pub-1", 1000, 200, 13.3, 14, 40, 90, 2)));
        assertThat(new Threshold(Criterion.MIN_FPS, 14).judge(summary))
                .isEqualTo(new Verdict(new Threshold(Criterion.MIN_FPS, 14), 13.3, false));
        assertThat(new Threshold(Criterion.MAX_P95_MS, 150).judge(summary).met()).isTrue();
        assertThat(new Threshold(Criterion.MAX_FREEZES, 1).judge(summary).describe())
                .isEqualTo("MISSED: --max-freezes 1 (freezes of all streams 2.0)");
        LoadSummary nothing = new LoadSummary(0, 1, 0, 1, 1, 1, List.of());
        assertThat(new Threshold(Criterion.MAX_P95_MS, 150).judge(nothing).describe())
                .isEqualTo("MISSED: --max-p95-ms 150 (worst stream latency p95 nothing measured)");
        assertThatThrownBy(() -> new Threshold(Criterion.MIN_FPS, -1))
                .hasMessage("--min-fps -1.0: a threshold is a finite number, 0 or more");
    }
}
