package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.trtcsim.media.MediaClock;
import io.trtcsim.media.StatsSample;
import io.trtcsim.media.VideoProfile;
import io.trtcsim.media.metrics.AudioAnalyzer;
import io.trtcsim.media.metrics.AudioMetrics;
import io.trtcsim.media.metrics.VideoAnalyzer;
import io.trtcsim.media.metrics.VideoMetrics;
import io.trtcsim.network.Direction;
import io.trtcsim.network.NetworkConditions;
import io.trtcsim.sdk.JournalEntry;
import io.trtcsim.sdk.NetworkQuality;
import io.trtcsim.stack.NetworkEmulation;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The network conditions are what they say, measured end to end through the embedded simulator's
 * SFU and real peer connections: the ground truth of issue 12. Each test starts its own call (alice
 * publishes, bob plays) and shapes it through {@link ParticipantNetworks}, as the steps do.
 */
class NetworkTruthTest {

    private ScenarioContext scenario;
    private ParticipantNetworks networks;
    private Participant alice;
    private Participant bob;

    private void call(VideoProfile profile) {
        call(profile, publisher -> { });
    }

    /** A call in which {@code beforePublish} runs once alice has joined, before her media starts. */
    private void call(VideoProfile profile, Consumer<Participant> beforePublish) {
        scenario = ScenarioContext.with(HarnessConfig.load().with("harness.stack", "embedded"));
        Participants participants = new Participants(scenario);
        networks = new ParticipantNetworks(scenario);
        Signatures signatures = new Signatures(scenario);
        alice = participants.namedOrNew("alice");
        bob = participants.namedOrNew("bob");
        alice.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("alice"));
        bob.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("bob"));
        bob.subscribeToAndPlayEveryAddedStream();
        alice.join(RoomId.numeric(3300));
        bob.join(RoomId.numeric(3300));
        beforePublish.accept(alice);
        alice.createLocalStream(Set.of(MediaKind.AUDIO, MediaKind.VIDEO), profile);
        alice.initializeLocalStream();
        alice.publish();
        Expectations.rendersVideoFrames(bob, "alice", 30, Duration.ofSeconds(10));
    }

    @AfterEach
    void hangUp() {
        if (scenario != null) {
            scenario.close();
        }
    }

    private VideoMetrics video(long start, long end) {
        return new VideoAnalyzer().analyze(MediaChecks.videoSink(bob, "alice").frames(), start, end);
    }

    private AudioMetrics audio(long start, long end) {
        return new AudioAnalyzer().analyze(MediaChecks.audioSink(bob, "alice").chunks(), start, end);
    }

    private static long now() {
        return MediaClock.system().nowMicros();
    }

    private static void waitUntil(long micros) {
        await("the media clock to reach the end of the window").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10)).until(() -> MediaClock.system().nowMicros() >= micros);
    }

    /** Bob's inbound-rtp entries of that kind, from his 1-s getStats samples, oldest first. */
    private List<StatsSample> bobInboundSamples(String kind) {
        return bob.client().statsSamples().stream()
                .filter(s -> s.type().equals("inbound-rtp") && s.kind().equals(kind))
                .sorted(Comparator.comparingLong(StatsSample::atMicros))
                .toList();
    }

    /** One line per getStats sample of the participant's video entries of that type since {@code fromMicros}. */
    private static String videoStatsSince(Participant participant, String type, long fromMicros) {
        List<String> keys = List.of("framesEncoded", "framesSent", "framesDecoded", "framesDropped", "frameWidth",
                "frameHeight", "framesPerSecond", "bytesSent", "bytesReceived", "packetsLost", "freezeCount");
        return participant.client().statsSamples().stream()
                .filter(s -> s.type().equals(type) && s.kind().equals("video") && s.atMicros() >= fromMicros)
                .sorted(Comparator.comparingLong(StatsSample::atMicros))
                .map(s -> String.format(Locale.ROOT, "  %s %s +%.1f s %s%n", participant.userId(), type,
                        (s.atMicros() - fromMicros) / 1e6, keys.stream().filter(s.values()::containsKey)
                                .map(key -> key + "=" + s.values().get(key)).collect(Collectors.joining(" "))))
                .collect(Collectors.joining());
    }

    /** Bob's latest inbound-rtp entry of that kind. */
    private Optional<StatsSample> bobInbound(String kind) {
        List<StatsSample> samples = bobInboundSamples(kind);
        return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
    }

    private static double number(StatsSample sample, String name) {
        return ((Number) sample.values().getOrDefault(name, 0)).doubleValue();
    }

    /**
     * Bob's mean audio jitter-buffer delay (ms) over at least {@code [start, end)}: the growth of
     * inbound-rtp {@code jitterBufferDelay} over that of {@code jitterBufferEmittedCount}, between
     * his last 1-s getStats sample at or before the start and his first at or after the end.
     */
    private double bobAudioJitterBufferMillis(long start, long end) {
        await("bob's first audio statistics after the window").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> bobInbound("audio").filter(s -> s.atMicros() >= end).isPresent());
        List<StatsSample> audio = bobInboundSamples("audio");
        StatsSample first = audio.stream().filter(s -> s.atMicros() <= start).reduce((a, b) -> b).orElseThrow();
        StatsSample last = audio.stream().filter(s -> s.atMicros() >= end).findFirst().orElseThrow();
        double emitted = number(last, "jitterBufferEmittedCount") - number(first, "jitterBufferEmittedCount");
        return (number(last, "jitterBufferDelay") - number(first, "jitterBufferDelay")) / emitted * 1000;
    }

    /**
     * Two calls, one without and one with the delay from the start: a delay that appears in the
     * middle of a call is, to libwebrtc's receivers, a one-off spike of 200 ms, which their jitter
     * estimates answer with some 60-80 ms of extra playout delay (video) and 150-250 ms (audio)
     * that fade over tens of seconds; docs/network.md shows it. From the start it is a plain delay.
     */
    @Test
    void twoHundredMillisecondsOfUplinkDelayRaiseVideoAndAudioLatencyByThatMuch() {
        call(new VideoProfile(320, 180, 30));
        // The audio's playout settles in its first seconds (its jitter buffer starts empty).
        long start = now() + 4_000_000;
        waitUntil(start + 5_000_000);
        VideoMetrics videoBefore = video(start, start + 5_000_000);
        AudioMetrics audioBefore = audio(start, start + 5_000_000);
        double bufferBefore = bobAudioJitterBufferMillis(start, start + 5_000_000);
        scenario.close();

        call(new VideoProfile(320, 180, 30),
                publisher -> networks.change(publisher, Direction.UPLINK, link -> link.withDelay(Duration.ofMillis(200))));
        long delayedFrom = now() + 4_000_000;
        waitUntil(delayedFrom + 5_000_000);
        VideoMetrics videoAfter = video(delayedFrom, delayedFrom + 5_000_000);
        AudioMetrics audioAfter = audio(delayedFrom, delayedFrom + 5_000_000);
        double bufferAfter = bobAudioJitterBufferMillis(delayedFrom, delayedFrom + 5_000_000);

        double videoRise = videoAfter.latencyP50Millis() - videoBefore.latencyP50Millis();
        double audioRise = audioAfter.latencyP50Millis() - audioBefore.latencyP50Millis();
        double bufferRise = bufferAfter - bufferBefore;
        System.out.printf("200 ms uplink delay: video p50 %.1f -> %.1f ms (+%.1f), audio p50 %.1f -> %.1f ms (+%.1f),"
                        + " bob's audio jitter buffer %.1f -> %.1f ms (%+.1f)%n",
                videoBefore.latencyP50Millis(), videoAfter.latencyP50Millis(), videoRise,
                audioBefore.latencyP50Millis(), audioAfter.latencyP50Millis(), audioRise,
                bufferBefore, bufferAfter, bufferRise);
        assertThat(videoRise).as("video p50 before %s, after %s", videoBefore.describe(), videoAfter.describe())
                .isBetween(190.0, 210.0);
        // Audio latency also holds what bob's jitter buffer keeps, which libwebrtc adapts to the
        // arrival jitter it sees: 45-105 ms on a busy 2-core machine, moving by tens of ms within a
        // call whether or not there is a delay (measured: docs/measurements.md). Outside the jitter
        // buffer the delay shows as it is (measured 179-219 ms: a window's mean buffer and its 5
        // markers' median do not match exactly); the latency as a whole rises by the delay give or
        // take how far the jitter buffer moved between the two calls (-40 to +56 ms measured), so
        // only the rise outside the buffer is bounded: the whole rise was once 117 ms, with bob's
        // buffer at 134 ms before the delay (2026-12-06), the delay itself showing in full outside it.
        String audioFigures = String.format("audio p50 before %s, jitter buffer %.1f ms; after %s, jitter buffer %.1f ms",
                audioBefore.describe(), bufferBefore, audioAfter.describe(), bufferAfter);
        assertThat(audioRise - bufferRise).as("audio p50 rise outside the jitter buffer; " + audioFigures)
                .isBetween(165.0, 235.0);
    }

    @Test
    void jitterWidensTheLatencySpreadAndShowsInTheReceiversJitterStatistic() {
        call(new VideoProfile(320, 180, 30));
        long start = now();
        waitUntil(start + 4_000_000);
        VideoMetrics before = video(start, start + 4_000_000);
        double jitterBefore = bobInbound("video").map(s -> number(s, "jitter")).orElseThrow();

        networks.change(bob, Direction.DOWNLINK, link -> link.withJitter(Duration.ofMillis(40), false));
        long jitteryFrom = now() + 1_000_000;
        waitUntil(jitteryFrom + 5_000_000);
        VideoMetrics after = video(jitteryFrom, jitteryFrom + 5_000_000);
        double jitterAfter = bobInbound("video").map(s -> number(s, "jitter")).orElseThrow();

        double spreadBefore = before.latencyP95Millis() - before.latencyP50Millis();
        double spreadAfter = after.latencyP95Millis() - after.latencyP50Millis();
        System.out.printf("40 ms downlink jitter: latency p95-p50 %.1f -> %.1f ms, p50 %.1f -> %.1f ms;"
                        + " receiver's jitter %.1f -> %.1f ms%n", spreadBefore, spreadAfter, before.latencyP50Millis(),
                after.latencyP50Millis(), jitterBefore * 1000, jitterAfter * 1000);
        // libwebrtc's jitter buffer answers 40 ms of jitter mostly by delaying playout (p50 +45-65 ms
        // measured), so the spread that is left (p95-p50 15-42 ms after) did not always clear a
        // noisy baseline's by 10 ms (8.4 -> 17.4 ms once, 2026-12-06). The jitter shows in the p95
        // either way: as spread or as the buffer's added delay (+60 ms and more measured).
        String figures = String.format("before %s, after %s", before.describe(), after.describe());
        assertThat(spreadAfter).as("latency spread p95-p50; " + figures).isGreaterThan(spreadBefore);
        assertThat(after.latencyP95Millis() - before.latencyP95Millis()).as("latency p95 rise; " + figures)
                .isGreaterThan(20.0);
        assertThat(jitterAfter * 1000).as("bob's inbound-rtp video jitter (ms), before %.1f", jitterBefore * 1000)
                .isGreaterThan(Math.max(10, 3 * jitterBefore * 1000));
    }

    @Test
    void aTwoSecondMediaOutageGivesExactlyOneFreezeOfAboutTwoSeconds() {
        call(new VideoProfile(320, 180, 30));
        NetworkEmulation emulation = scenario.stack().networkEmulation().orElseThrow();
        long sdkAppId = alice.client().config().sdkAppId();
        long start = now();
        waitUntil(start + 1_000_000);
        // The media alone: the signaling stays up, so this measures what the media plane does.
        emulation.apply(sdkAppId, "alice", NetworkConditions.NONE.withDown(true));
        long downAt = now();
        await("2 s of outage").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> now() >= downAt + 2_000_000);
        emulation.apply(sdkAppId, "alice", NetworkConditions.NONE);
        long end = start + 7_000_000;
        waitUntil(end);

        VideoMetrics metrics = video(start, end);
        System.out.printf("2 s media outage: %d freeze(s), longest %.0f ms%n", metrics.freezeCount(),
                metrics.longestFreezeMillis());
        assertThat(metrics.freezeCount()).as(metrics.describe()).isEqualTo(1);
        assertThat(metrics.longestFreezeMillis()).as(metrics.describe()).isBetween(1800.0, 2600.0);
    }

    @Test
    void aThreeHundredKbpsCapMakesThePublisherSettleUnderItWhileVideoKeepsArrivingAndRecoverOnceLifted() {
        call(new VideoProfile(640, 360, 30));
        SendingBitrate.atLeast(alice, MediaKind.VIDEO, 400, Duration.ofSeconds(15));
        double unconstrained = SendingBitrate.videoKbps(alice).orElseThrow();

        long cappedAt = now();
        networks.change(alice, Direction.UPLINK, link -> link.withCapacity(300));
        SendingBitrate.atMost(alice, MediaKind.VIDEO, 300, Duration.ofSeconds(15));
        long settled = now();
        long framesBefore = MediaChecks.videoSink(bob, "alice").frames().size();
        // A cap a fifth of what was sent stalls the video for a few seconds (measured: 2-6 s, while
        // the encoder falls to what fits), then it flows at a lower rate: 245-314 new frames in these
        // 12 s in every run but one. In that one (CI, 2026-12-06) libwebrtc kept 640x360 and shed
        // frames instead, 1-5 fps for the whole window: 24 frames. Both are the encoder's own answer to
        // the cap, not a harness fault, so the claim here is only that video keeps arriving, about a
        // frame a second at least; a link that stalled it would deliver none (docs/network.md).
        try {
            Expectations.rendersNewVideoFrames(bob, "alice", 12, Duration.ofSeconds(12));
        } catch (AssertionError stalled) {
            // What each side's encoder and decoder did, second by second, says why.
            throw new AssertionError(stalled.getMessage() + "\nvideo since the cap, each second:\n"
                    + videoStatsSince(alice, "outbound-rtp", cappedAt) + videoStatsSince(bob, "inbound-rtp", cappedAt), stalled);
        }
        double capped = SendingBitrate.videoKbps(alice).orElseThrow();

        networks.change(alice, Direction.UPLINK, link -> link.withCapacity(0));
        long liftedAt = now();
        SendingBitrate.atLeast(alice, MediaKind.VIDEO, 400, Duration.ofSeconds(30));
        System.out.printf("300 kbps cap on 640x360@30: %.0f kbps unconstrained, under the cap after %.1f s (%.0f kbps),"
                        + " %d frames kept arriving, back over 400 kbps %.1f s after lifting%n", unconstrained,
                (settled - cappedAt) / 1e6, capped, MediaChecks.videoSink(bob, "alice").frames().size() - framesBefore,
                (now() - liftedAt) / 1e6);
    }

    @Test
    void tenPercentLossShowsInTheReceiversPacketsLostAndInNetworkQuality() {
        call(new VideoProfile(320, 180, 15));
        StatsSample audioBefore = bobInbound("audio").orElseThrow();

        networks.change(bob, Direction.DOWNLINK, link -> link.withLoss(10));
        networks.change(alice, Direction.UPLINK, link -> link.withLoss(10));
        int qualityEvents = bob.journal().entries().size();
        long lossFrom = now();
        waitUntil(lossFrom + 8_000_000);
        StatsSample audioAfter = bobInbound("audio").orElseThrow();

        double lost = number(audioAfter, "packetsLost") - number(audioBefore, "packetsLost");
        double received = number(audioAfter, "packetsReceived") - number(audioBefore, "packetsReceived");
        double share = lost / (lost + received);
        List<NetworkQuality> bobQualities = qualitiesSince(bob, qualityEvents);
        List<NetworkQuality> aliceQualities = qualitiesSince(alice, 0);
        System.out.printf("10%% loss: bob lost %.1f%% of alice's audio (packetsLost %.0f of %.0f);"
                        + " bob's downlink quality %s, alice's uplink quality %s%n", share * 100, lost, lost + received,
                bobQualities.stream().map(NetworkQuality::downlinkNetworkQuality).toList(),
                aliceQualities.stream().map(NetworkQuality::uplinkNetworkQuality).toList());
        // Both links lose 10%, and audio is not retransmitted: about 1 - 0.9 * 0.9 = 19% lost.
        assertThat(share).as("share of alice's audio packets bob lost").isBetween(0.12, 0.27);
        assertThat(bobQualities).as("bob's network-quality under downlink loss")
                .anyMatch(q -> q.downlinkNetworkQuality() >= 2);
        assertThat(aliceQualities.subList(Math.max(0, aliceQualities.size() - 3), aliceQualities.size()))
                .as("alice's last network-quality events under uplink loss")
                .anyMatch(q -> q.uplinkNetworkQuality() >= 2);
    }

    private static List<NetworkQuality> qualitiesSince(Participant participant, int index) {
        List<JournalEntry> entries = participant.journal().entries();
        return entries.subList(Math.min(index, entries.size()), entries.size()).stream()
                .filter(e -> e.event() == ClientEvent.NETWORK_QUALITY)
                .map(e -> (NetworkQuality) e.payload()).toList();
    }

    @Test
    void aBadValueIsRefusedNamingItAndAParticipantWithoutAConnectionIsNamed() {
        call(new VideoProfile(320, 180, 15));
        assertThatThrownBy(() -> networks.change(alice, Direction.UPLINK,
                link -> link.withLoss(120))).hasMessageContaining("120.0%");
        assertThatThrownBy(() -> networks.becomes(alice, "5G"))
                .hasMessageContaining("'5G'").hasMessageContaining("3G");
        Participant carol = new Participants(scenario).namedOrNew("carol");
        assertThatThrownBy(() -> networks.goesDown(carol))
                .hasMessageContaining("carol has no connection to the stack yet");
        assertThat(networks.of(alice)).as("a refused change leaves the network as it was").isEqualTo(NetworkConditions.NONE);
    }
}
