package io.trtcsim.media.metrics;

import static io.trtcsim.media.metrics.FrameTimeline.MS;
import static io.trtcsim.media.metrics.FrameTimeline.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.trtcsim.media.RenderedFrame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VideoAnalyzerTest {

    private final VideoAnalyzer analyzer = new VideoAnalyzer();

    @Test
    void steadyThirtyFramesPerSecondForFiveSeconds() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(0).fps(30).framesFor(5_000).build();

        VideoMetrics metrics = analyzer.analyze(frames, 0, 5 * SECOND);

        assertThat(metrics.framesRendered()).isEqualTo(150);
        assertThat(metrics.meanFps()).isCloseTo(30, within(0.2));
        assertThat(metrics.freezeCount()).isZero();
        assertThat(metrics.freezeTotalMillis()).isZero();
        assertThat(metrics.longestFreezeMillis()).isZero();
        assertThat(metrics.framesLost()).isZero();
        assertThat(metrics.framesRepeated()).isZero();
        assertThat(metrics.framesWithoutMarker()).isZero();
        assertThat(metrics.width()).isEqualTo(640);
        assertThat(metrics.height()).isEqualTo(360);
        assertThat(metrics.resolutions()).containsExactly("640x360");
        assertThat(metrics.firstFrameArrivalMicros()).isZero();
    }

    @Test
    void aFiveHundredMillisecondHoleIsExactlyOneFreezeOfFiveHundredMilliseconds() {
        VideoMetrics metrics = analyzeWhole(FrameTimeline.startingAt(0).fps(30)
                .framesFor(2_000).hole(500).framesFor(2_000));

        assertThat(metrics.freezeCount()).isEqualTo(1);
        assertThat(metrics.longestFreezeMillis()).isEqualTo(500.0);
        assertThat(metrics.freezeTotalMillis()).isEqualTo(500.0);
    }

    @Test
    void aHundredAndTwentyMillisecondHoleAtThirtyFramesPerSecondIsNoFreeze() {
        VideoMetrics metrics = analyzeWhole(FrameTimeline.startingAt(0).fps(30)
                .framesFor(2_000).hole(120).framesFor(2_000));

        assertThat(metrics.freezeCount()).isZero();
    }

    @Test
    void atThirtyFramesPerSecondAFreezeMustExceedTheMeanIntervalBy150Milliseconds() {
        // libwebrtc's threshold is max(3 x mean, mean + 150 ms): 33.3 + 150 = 183.3 ms at 30 fps.
        VideoMetrics under = analyzeWhole(FrameTimeline.startingAt(0).fps(30)
                .framesFor(1_000).hole(180).framesFor(1_000));
        VideoMetrics over = analyzeWhole(FrameTimeline.startingAt(0).fps(30)
                .framesFor(1_000).hole(190).framesFor(1_000));

        assertThat(under.freezeCount()).isZero();
        assertThat(over.freezeCount()).isEqualTo(1);
    }

    @Test
    void atFiveFramesPerSecondAFreezeMustLastThreeMeanIntervals() {
        VideoMetrics shortGap = analyzeWhole(FrameTimeline.startingAt(0).fps(5).framesFor(3_000).hole(100).framesFor(2_000));
        VideoMetrics longerThan150 = analyzeWhole(FrameTimeline.startingAt(0).fps(5).framesFor(3_000).hole(590).framesFor(2_000));
        VideoMetrics frozen = analyzeWhole(FrameTimeline.startingAt(0).fps(5).framesFor(3_000).hole(600).framesFor(2_000));

        assertThat(shortGap.freezeCount()).as("100 ms at 5 fps").isZero();
        assertThat(longerThan150.freezeCount()).as("590 ms < 3 x 200 ms").isZero();
        assertThat(frozen.freezeCount()).isEqualTo(1);
        assertThat(frozen.longestFreezeMillis()).isEqualTo(600.0);
    }

    @Test
    void countsEachFreezeAndTheirTotal() {
        VideoMetrics metrics = analyzeWhole(FrameTimeline.startingAt(0).fps(30)
                .framesFor(1_000).hole(300).framesFor(1_000).hole(700).framesFor(1_000).hole(150).framesFor(1_000));

        assertThat(metrics.freezeCount()).isEqualTo(2);
        assertThat(metrics.freezeTotalMillis()).isEqualTo(1_000.0);
        assertThat(metrics.longestFreezeMillis()).isEqualTo(700.0);
    }

    @Test
    void constantLatencyGivesThatLatencyAtEveryPercentile() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(0).fps(30).latencyMillis(40).framesFor(5_000).build();

        VideoMetrics metrics = analyzer.analyze(frames, 0, 5 * SECOND);

        assertThat(metrics.latencyP50Millis()).isCloseTo(40, within(1.0));
        assertThat(metrics.latencyP95Millis()).isCloseTo(40, within(1.0));
        assertThat(List.of(metrics.latencyP50Millis(), metrics.latencyP95Millis(), metrics.latencyP99Millis(), metrics.latencyMaxMillis()))
                .as("whole milliseconds come out exact")
                .containsOnly(40.0);
    }

    @Test
    void aKnownLatencyDistributionGivesItsNearestRankPercentiles() {
        List<Long> latencies = new ArrayList<>();
        for (long ms = 1; ms <= 100; ms++) {
            latencies.add(ms);
        }
        Collections.shuffle(latencies, new Random(4));
        FrameTimeline timeline = FrameTimeline.startingAt(SECOND).fps(30);
        latencies.forEach(timeline::frameWithLatencyMillis);

        VideoMetrics metrics = analyzer.analyze(timeline.build(), 0, 10 * SECOND);

        assertThat(metrics.latencyP50Millis()).isEqualTo(50.0);
        assertThat(metrics.latencyP95Millis()).isEqualTo(95.0);
        assertThat(metrics.latencyP99Millis()).isEqualTo(99.0);
        assertThat(metrics.latencyMaxMillis()).isEqualTo(100.0);
    }

    @Test
    void largeLatenciesStayWithinHundredthOfAPercent() {
        FrameTimeline timeline = FrameTimeline.startingAt(SECOND).fps(30);
        for (int i = 0; i < 100; i++) {
            timeline.frameWithLatencyMillis(i < 90 ? 333 : 777);
        }

        VideoMetrics metrics = analyzer.analyze(timeline.build(), 0, 10 * SECOND);

        assertThat(metrics.latencyP50Millis()).isCloseTo(333, within(0.0333));
        assertThat(metrics.latencyP95Millis()).isCloseTo(777, within(0.0777));
        assertThat(metrics.latencyMaxMillis()).isEqualTo(777.0);
    }

    @Test
    void sequenceGapsAreCountedAsLostFrames() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(0).fps(30)
                .frames(10).lose(3).frames(8).lose(1).frames(9).lose(20).frames(5).build();

        VideoMetrics metrics = analyzer.analyze(frames, 0, 5 * SECOND);

        assertThat(metrics.framesLost()).isEqualTo(24);
        assertThat(metrics.framesRendered()).isEqualTo(32);
        assertThat(metrics.framesRepeated()).isZero();
    }

    @Test
    void aPausedSenderLosesNoFrames() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(0).fps(30)
                .framesFor(2_000).hole(500).framesFor(2_000).build();

        assertThat(analyzer.analyze(frames, 0, 5 * SECOND).framesLost()).isZero();
    }

    @Test
    void aBackwardJumpIsNeitherLossNorRepeat() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(0).fps(30)
                .sequence(100).frames(10).sequence(0).frames(10).build();

        VideoMetrics metrics = analyzer.analyze(frames, 0, 5 * SECOND);

        assertThat(metrics.framesLost()).isZero();
        assertThat(metrics.framesRepeated()).isZero();
    }

    @Test
    void framesWithASequenceAlreadySeenAreRepeated() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(0).fps(30)
                .frames(10).sequence(9).frames(1).sequence(9).frames(1).sequence(5).frames(1).sequence(10).frames(10).build();

        VideoMetrics metrics = analyzer.analyze(frames, 0, 5 * SECOND);

        assertThat(metrics.framesRepeated()).isEqualTo(3);
        assertThat(metrics.framesLost()).as("repeats are no reference for losses").isZero();
    }

    @Test
    void framesWithoutAReadableMarkerCountButHaveNoLatency() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(0).fps(30)
                .frames(20).unmarked(7).frames(20).build();

        VideoMetrics metrics = analyzer.analyze(frames, 0, 5 * SECOND);

        assertThat(metrics.framesRendered()).isEqualTo(47);
        assertThat(metrics.framesWithoutMarker()).isEqualTo(7);
        assertThat(metrics.framesLost()).as("unreadable frames are not losses").isZero();
        assertThat(metrics.latencyP50Millis()).isEqualTo(40.0);
    }

    @Test
    void noMarkersAtAllGiveNaNLatencies() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(0).fps(30).unmarked(60).build();

        VideoMetrics metrics = analyzer.analyze(frames, 0, 5 * SECOND);

        assertThat(metrics.hasLatency()).isFalse();
        assertThat(metrics.latencyP50Millis()).isNaN();
        assertThat(metrics.latencyP95Millis()).isNaN();
        assertThat(metrics.latencyP99Millis()).isNaN();
        assertThat(metrics.latencyMaxMillis()).isNaN();
        assertThat(metrics.framesWithoutMarker()).isEqualTo(60);
    }

    @Test
    void aMarkerCapturedAfterItsArrivalIsUnreadable() {
        List<RenderedFrame> frames = List.of(new RenderedFrame(1_000 * MS, 640, 360, 7, 1_500 * MS));

        VideoMetrics metrics = analyzer.analyze(frames, 0, 5 * SECOND);

        assertThat(metrics.framesWithoutMarker()).isEqualTo(1);
        assertThat(metrics.latencyMaxMillis()).isNaN();
    }

    @Test
    void onlyFramesArrivingInsideTheWindowCount() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(0).fps(30)
                .latencyMillis(400).framesFor(1_000).hole(600)
                .latencyMillis(40).framesFor(5_000).lose(5).latencyMillis(400).framesFor(1_000).build();
        long start = 2 * SECOND;
        long end = 5 * SECOND;

        VideoMetrics metrics = analyzer.analyze(frames, start, end);

        long expected = frames.stream().filter(f -> f.arrivalMicros() >= start && f.arrivalMicros() < end).count();
        assertThat(metrics.framesRendered()).isEqualTo((int) expected).isBetween(89, 91);
        assertThat(metrics.meanFps()).isCloseTo(30, within(0.4));
        assertThat(metrics.freezeCount()).as("the freeze ended before the window").isZero();
        assertThat(metrics.latencyMaxMillis()).as("only frames inside the window").isEqualTo(40.0);
        assertThat(metrics.framesLost()).as("the loss is after the window").isZero();
        assertThat(metrics.firstFrameArrivalMicros()).isGreaterThanOrEqualTo(start);
        assertThat(metrics.windowStartMicros()).isEqualTo(start);
        assertThat(metrics.windowEndMicros()).isEqualTo(end);
    }

    @Test
    void aFrameArrivingAtTheWindowEndIsOutside() {
        List<RenderedFrame> frames = List.of(
                new RenderedFrame(SECOND, 640, 360, 0, SECOND - 40 * MS),
                new RenderedFrame(2 * SECOND, 640, 360, 1, 2 * SECOND - 40 * MS));

        assertThat(analyzer.analyze(frames, SECOND, 2 * SECOND).framesRendered()).isEqualTo(1);
        assertThat(analyzer.analyze(frames, SECOND + 1, 2 * SECOND + 1).framesRendered()).isEqualTo(1);
    }

    @Test
    void aFreezeBelongsToTheWindowInWhichItEnds() {
        FrameTimeline timeline = FrameTimeline.startingAt(0).fps(30).framesFor(2_000);
        long freezeStart = timeline.lastArrival();
        List<RenderedFrame> frames = timeline.hole(800).framesFor(2_000).build();
        long freezeEnd = freezeStart + 800 * MS;

        VideoMetrics endsInside = analyzer.analyze(frames, freezeStart + 500 * MS, freezeEnd + SECOND);
        VideoMetrics before = analyzer.analyze(frames, 0, freezeStart + 500 * MS);

        assertThat(endsInside.freezeCount()).isEqualTo(1);
        assertThat(endsInside.longestFreezeMillis()).as("whole duration, as libwebrtc counts it").isEqualTo(800.0);
        assertThat(before.freezeCount()).as("still frozen at this window's end").isEqualTo(1);
        assertThat(before.longestFreezeMillis()).isEqualTo(500.0);
    }

    @Test
    void aStreamThatStopsIsFrozenUntilTheWindowEnds() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(0).fps(30).framesFor(3_000).build();
        long last = frames.get(frames.size() - 1).arrivalMicros();

        VideoMetrics metrics = analyzer.analyze(frames, 0, 5 * SECOND);

        assertThat(metrics.freezeCount()).isEqualTo(1);
        assertThat(metrics.longestFreezeMillis()).isEqualTo((5 * SECOND - last) / 1000.0);
    }

    @Test
    void aWindowWithNoFramesHasZeroFrameRate() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(10 * SECOND).fps(30).framesFor(1_000).build();

        VideoMetrics metrics = analyzer.analyze(frames, 0, 5 * SECOND);

        assertThat(metrics.framesRendered()).isZero();
        assertThat(metrics.meanFps()).isZero();
        assertThat(metrics.freezeCount()).isZero();
        assertThat(metrics.firstFrameArrivalMicros()).isEqualTo(-1);
        assertThat(metrics.width()).isZero();
        assertThat(metrics.resolutions()).isEmpty();
    }

    @Test
    void emptyInputGivesZerosAndNaN() {
        VideoMetrics metrics = analyzer.analyze(List.of(), 0, 5 * SECOND);
        VideoMetrics emptyWindow = analyzer.analyze(List.of(), 5 * SECOND, 5 * SECOND);

        for (VideoMetrics m : List.of(metrics, emptyWindow)) {
            assertThat(m.framesRendered()).isZero();
            assertThat(m.meanFps()).isZero();
            assertThat(m.freezeCount()).isZero();
            assertThat(m.framesLost()).isZero();
            assertThat(m.framesRepeated()).isZero();
            assertThat(m.latencyP50Millis()).isNaN();
            assertThat(m.latencyMaxMillis()).isNaN();
            assertThat(m.firstFrameMillisAfter(0)).isEmpty();
            assertThat(m.describe()).contains("0 frames");
            assertThat(m.asMap()).containsEntry("latencyP50Millis", null);
        }
        assertThat(analyzer.fpsOver(List.of(), 0, SECOND)).isZero();
        assertThat(analyzer.firstFrameDelayMillis(List.of(), 0)).isEmpty();
    }

    @Test
    void firstFrameDelayIsMeasuredToTheFirstFrameAtOrAfterTheReference() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(1_234 * MS).fps(10).framesFor(1_000).build();

        assertThat(analyzer.firstFrameDelayMillis(frames, SECOND)).hasValue(234.0);
        assertThat(analyzer.firstFrameDelayMillis(frames, 1_234 * MS)).hasValue(0.0);
        assertThat(analyzer.firstFrameDelayMillis(frames, 1_250 * MS)).as("the next frame, 100 ms on").hasValue(84.0);
        assertThat(analyzer.firstFrameDelayMillis(frames, 10 * SECOND)).isEmpty();
        assertThat(analyzer.analyze(frames, SECOND, 3 * SECOND).firstFrameMillisAfter(SECOND)).hasValue(234.0);
    }

    @Test
    void fpsOverAnyWindow() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(0).fps(30).framesFor(2_000).fps(15).framesFor(2_000).build();

        assertThat(analyzer.fpsOver(frames, 0, SECOND)).isCloseTo(30, within(0.2));
        assertThat(analyzer.fpsOver(frames, 2_500 * MS, 3_500 * MS)).isCloseTo(15, within(0.2));
        assertThat(analyzer.fpsOver(frames, 5 * SECOND, 6 * SECOND)).isZero();
    }

    @Test
    void reportsTheLastResolutionAndEveryResolutionSeen() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(0).fps(30)
                .resolution(320, 180).frames(10).resolution(640, 360).frames(10).resolution(320, 180).frames(10).build();

        VideoMetrics metrics = analyzer.analyze(frames, 0, 5 * SECOND);

        assertThat(metrics.width()).isEqualTo(320);
        assertThat(metrics.height()).isEqualTo(180);
        assertThat(metrics.resolutions()).containsExactly("320x180", "640x360");
    }

    @Test
    void framesOutOfArrivalOrderAreSortedFirst() {
        List<RenderedFrame> frames = FrameTimeline.startingAt(0).fps(30)
                .framesFor(2_000).hole(500).lose(2).framesFor(2_000).build();
        List<RenderedFrame> shuffled = new ArrayList<>(frames);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(analyzer.analyze(shuffled, 0, 5 * SECOND)).isEqualTo(analyzer.analyze(frames, 0, 5 * SECOND));
    }

    @Test
    void describesItselfOnOneLineAndAsAMap() {
        VideoMetrics metrics = analyzeWhole(FrameTimeline.startingAt(0).fps(30)
                .framesFor(2_000).hole(500).framesFor(1_000).lose(2).framesFor(1_000));

        assertThat(metrics.describe())
                .doesNotContain("\n")
                .contains("1 freeze (total 500.0 ms, longest 500.0 ms)")
                .contains("p50 40.0 ms")
                .contains("2 lost")
                .contains("640x360");
        assertThat(metrics.asMap())
                .containsEntry("freezeCount", 1)
                .containsEntry("framesLost", 2L)
                .containsEntry("latencyP95Millis", 40.0)
                .containsEntry("resolutions", List.of("640x360"))
                .containsKeys("windowStartMicros", "windowEndMicros", "meanFps", "firstFrameArrivalMicros");
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> analyzer.analyze(List.of(), 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analyzer.fpsOver(List.of(), 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The whole timeline, from 0 to one interval after its last frame. */
    private VideoMetrics analyzeWhole(FrameTimeline timeline) {
        return analyzer.analyze(timeline.build(), 0, timeline.nextArrival());
    }
}
