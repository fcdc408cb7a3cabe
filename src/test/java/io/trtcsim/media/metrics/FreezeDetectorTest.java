package io.trtcsim.media.metrics;

import static io.trtcsim.media.metrics.FrameTimeline.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreezeDetectorTest {

    private final FreezeDetector detector = new FreezeDetector();

    @Test
    void needsFiveDelaysBeforeAnyIsAFreeze() {
        long t = steady(100 * MS, 4);

        assertThat(detector.meanDelayMicros()).isEmpty();
        assertThat(detector.onFrame(t + 2_000 * MS)).as("a long delay before the mean is known").isEmpty();
    }

    @Test
    void aDelayOfThreeMeansAndMoreThanTheMeanPlus150MillisIsAFreeze() {
        long t = steady(200 * MS, 9);

        assertThat(detector.meanDelayMicros()).hasValue(200_000.0);
        assertThat(detector.onFrame(t + 599 * MS)).as("just under 3 x 200 ms").isEmpty();
        long resumed = steadyAfter(t + 599 * MS, 200 * MS, 40);
        assertThat(detector.onFrame(resumed + 600 * MS))
                .hasValueSatisfying(freeze -> assertThat(freeze.durationMillis()).isEqualTo(600.0));
    }

    @Test
    void atHighFrameRatesTheMeanPlus150MillisDecides() {
        long t = steady(20 * MS, 40);

        assertThat(detector.onFrame(t + 169 * MS)).as("20 ms + 150 ms, minus 1").isEmpty();
        long resumed = steadyAfter(t + 169 * MS, 20 * MS, 40);
        assertThat(detector.onFrame(resumed + 170 * MS)).isPresent();
    }

    @Test
    void freezesStayOutOfTheMeanSoRepeatedFreezesAreAllSeen() {
        long t = steady(33 * MS, 30);
        for (int i = 0; i < 5; i++) {
            t += 400 * MS;
            assertThat(detector.onFrame(t)).as("freeze %d", i).isPresent();
        }
        assertThat(detector.meanDelayMicros().getAsDouble()).isCloseTo(33_000, within(1.0));
    }

    @Test
    void theMeanFollowsTheLastThirtyDelays() {
        long t = steady(100 * MS, 30);
        steadyAfter(t, 10 * MS, 30);

        assertThat(detector.meanDelayMicros()).hasValue(10_000.0);
    }

    @Test
    void reportsAStallThatNoFrameHasEndedYet() {
        long t = steady(33 * MS, 30);

        assertThat(detector.stallAt(t + 100 * MS)).isEmpty();
        Optional<Freeze> stall = detector.stallAt(t + 700 * MS);
        assertThat(stall).hasValue(new Freeze(t, t + 700 * MS));
        assertThat(new FreezeDetector().stallAt(5_000 * MS)).as("no frames, no stall").isEmpty();
    }

    @Test
    void refusesFramesOutOfOrder() {
        detector.onFrame(1_000);

        assertThatThrownBy(() -> detector.onFrame(999)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A first frame at 0, then {@code delays} steady delays; returns the last arrival. */
    private long steady(long interval, int delays) {
        assertThat(detector.onFrame(0)).isEmpty();
        return steadyAfter(0, interval, delays);
    }

    /** {@code count} frames {@code interval} apart after the one at {@code last}; returns the last arrival. */
    private long steadyAfter(long last, long interval, int count) {
        long t = last;
        for (int i = 0; i < count; i++) {
            t += interval;
            assertThat(detector.onFrame(t)).as("steady frame at %d", t).isEmpty();
        }
        return t;
    }
}
