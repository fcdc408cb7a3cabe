package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trtcsim.media.MediaClock;
import io.trtcsim.media.VideoProfile;
import io.trtcsim.media.metrics.VideoAnalyzer;
import io.trtcsim.media.metrics.VideoMetrics;
import io.trtcsim.network.LinkConditions;
import io.trtcsim.network.NetworkConditions;
import io.trtcsim.simulator.sfu.netem.ParticipantId;
import io.trtcsim.stack.EmbeddedSimulatorStack;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The numbers are true end to end: a sender that stops for 500 ms shows as exactly one freeze of
 * about 500 ms, and a delay added in the simulator's relay shows as that much more latency.
 */
class MeasurementTruthTest {

    private VideoCall call;
    private ScenarioContext scenario;
    private Participant alice;
    private Participant bob;
    private long sdkAppId;

    @BeforeEach
    void call() {
        // The relay delay is injected into the embedded simulator.
        call = VideoCall.start(3232, new VideoProfile(320, 180, 30));
        scenario = call.scenario;
        alice = call.alice;
        bob = call.bob;
        sdkAppId = alice.client().config().sdkAppId();
    }

    @AfterEach
    void hangUp() {
        call.close();
    }

    private VideoMetrics window(long start, long end) {
        return new VideoAnalyzer().analyze(MediaChecks.videoSink(bob, "alice").frames(), start, end);
    }

    private static void waitUntil(long micros) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> MediaClock.system().nowMicros() >= micros);
    }

    @Test
    void aSenderThatStopsFor500MillisecondsShowsExactlyOneFreezeOfThatLength() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            long start = MediaClock.system().nowMicros();
            timer.schedule(() -> alice.localStream().muteVideo(), 1000, TimeUnit.MILLISECONDS);
            timer.schedule(() -> alice.localStream().unmuteVideo(), 1500, TimeUnit.MILLISECONDS);
            long end = start + 3_000_000;
            waitUntil(end);
            VideoMetrics metrics = window(start, end);
            assertThat(metrics.freezeCount()).as(metrics.describe()).isEqualTo(1);
            assertThat(metrics.longestFreezeMillis()).as(metrics.describe()).isBetween(450.0, 650.0);
            assertThat(metrics.framesLost()).as("a paused sender captures nothing, so nothing is lost").isZero();
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void webrtcStatisticsAreSampledAndAnsweredAsTrtcNamesThem() throws Exception {
        await("two stats samples of bob's downlink").atMost(Duration.ofSeconds(5))
                .until(() -> bob.client().statsSamples().stream()
                        .filter(s -> s.type().equals("inbound-rtp") && s.kind().equals("video")).count() >= 2);
        var remote = bob.client().getRemoteVideoStats().get(5, TimeUnit.SECONDS);
        assertThat(remote).containsKey("alice");
        assertThat(((Number) remote.get("alice").get("framesDecoded")).longValue()).isPositive();
        assertThat(remote.get("alice")).containsEntry("frameWidth", 320L);
        var local = alice.client().getLocalVideoStats().get(5, TimeUnit.SECONDS);
        assertThat(((Number) local.get("alice").get("packetsSent")).longValue()).isPositive();
        var transport = bob.client().getTransportStats().get(5, TimeUnit.SECONDS);
        assertThat(transport).containsKey("downlinksRTTStats");
    }

    @Test
    void aDelayAddedInTheRelayRaisesTheMeasuredLatencyByThatMuch() {
        long start = MediaClock.system().nowMicros();
        waitUntil(start + 2_000_000);
        VideoMetrics before = window(start, start + 2_000_000);
        // 100 ms on bob's downlink: every datagram the plane sends him, video among them.
        ((EmbeddedSimulatorStack) scenario.stack()).server().network().set(new ParticipantId(sdkAppId, "bob"),
                new NetworkConditions(LinkConditions.NONE, LinkConditions.NONE.withDelay(Duration.ofMillis(100))));
        long delayedFrom = MediaClock.system().nowMicros() + 500_000;
        waitUntil(delayedFrom + 2_000_000);
        VideoMetrics after = window(delayedFrom, delayedFrom + 2_000_000);
        double rise = after.latencyP50Millis() - before.latencyP50Millis();
        assertThat(rise).as("p50 before %s, after %s", before.describe(), after.describe()).isBetween(95.0, 110.0);
    }
}
