package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.trtcsim.network.Direction;
import io.trtcsim.network.LinkConditions;
import io.trtcsim.network.NetworkConditions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NetworkTimelineTest {

    @Test
    void anOutageLastsFromGoingDownToComingBackAndOneStillOnEndsAtTheEnd() {
        NetworkTimeline timeline = new NetworkTimeline();
        NetworkConditions delayed = NetworkConditions.NONE.with(Direction.UPLINK,
                LinkConditions.NONE.withDelay(Duration.ofMillis(200)));
        timeline.record("alice", delayed);
        timeline.record("alice", delayed.withDown(true));
        timeline.record("bob", NetworkConditions.NONE.withDown(true));
        timeline.record("alice", delayed);
        timeline.record("alice", delayed.withDown(true));
        var changes = timeline.changes("alice");
        long end = changes.get(3).atMicros() + 5_000_000;

        var outages = timeline.outages("alice", Direction.UPLINK, end);

        assertThat(outages).hasSize(2);
        assertThat(outages.get(0).fromMicros()).isEqualTo(changes.get(1).atMicros());
        assertThat(outages.get(0).toMicros()).isEqualTo(changes.get(2).atMicros());
        assertThat(outages.get(1).toMicros()).isEqualTo(end);
        assertThat(timeline.outages("bob", Direction.DOWNLINK, end)).hasSize(1);
        assertThat(timeline.touched("carol")).isFalse();
    }

    @Test
    void thePathsOutagesAreThePublishersUplinkAndTheReceiversDownlinkInSecondsFromTheStart() {
        NetworkTimeline timeline = new NetworkTimeline();
        timeline.record("alice", NetworkConditions.NONE.withDown(true));
        timeline.record("alice", NetworkConditions.NONE);
        timeline.record("carol", NetworkConditions.NONE.withDown(true));
        long start = timeline.changes("alice").get(0).atMicros() - 2_000_000;
        long end = start + 60_000_000;

        var shaded = NetworkReport.outagesOnPath(timeline, "alice", "bob", start, end);

        assertThat(shaded).hasSize(1);
        assertThat(shaded.get(0).fromSeconds()).isBetween(1.99, 2.01);
        assertThat(shaded.get(0).label()).isEqualTo(NetworkReport.OUTAGE);
        assertThat(NetworkReport.outagesOnPath(timeline, "bob", "carol", start, end)).hasSize(1);
    }
}
