package io.trtcsim.media.metrics;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * libwebrtc's freeze rule, fed with the arrival times of rendered frames in order.
 *
 * <p>An inter-frame delay {@code Δ} is a freeze when {@code Δ >= max(3δ, δ + 150 ms)}, where
 * {@code δ} is the mean of the last 30 inter-frame delays that were not freezes, and only once 5
 * such delays have been seen. This is {@code VideoQualityObserver} in libwebrtc's
 * {@code video/video_quality_observer2.cc}, which feeds the {@code freezeCount} and
 * {@code totalFreezesDuration} of getStats (the W3C definition), so our numbers and getStats' agree.
 * The condition {@code δ + 150 ms} is what libwebrtc uses (also in its end-to-end quality analyzer);
 * it is stricter than "longer than 150 ms" only while {@code δ < 75 ms}. Freezes stay out of the
 * mean, so a stream that freezes often does not hide its later freezes by raising its own mean,
 * and the 30-delay window follows a sender that changes its frame rate.
 *
 * <p>A freeze lasts the whole delay, from the frame before it to the frame that ends it, as in
 * libwebrtc. {@link #stallAt(long)} answers the question libwebrtc never asks: whether the picture
 * is frozen now, with no frame yet to end the freeze.
 *
 * <p>Not thread-safe: one detector follows one stream in one analysis.
 */
public final class FreezeDetector {

    /** {@code kMinIncreaseForFreezeMs}: a freeze lasts at least this much longer than the mean delay. */
    public static final long MIN_INCREASE_MICROS = 150_000;
    /** A freeze lasts at least this many mean delays. */
    public static final int MEAN_DELAY_FACTOR = 3;
    /** {@code kAvgInterframeDelaysWindowSizeFrames}: how many recent delays make up the mean. */
    public static final int MEAN_WINDOW_DELAYS = 30;
    /** {@code kMinFrameSamplesToDetectFreeze}: how many delays must be known before any is a freeze. */
    public static final int MIN_DELAYS_TO_DETECT = 5;

    private final ArrayDeque<Long> recentDelays = new ArrayDeque<>(MEAN_WINDOW_DELAYS);
    private long recentDelaysSum;
    private long lastArrivalMicros;
    private boolean anyFrame;

    /**
     * Takes the next rendered frame and returns the freeze it ends, if the delay since the previous
     * frame is one.
     *
     * @throws IllegalArgumentException when frames are fed out of arrival order
     */
    public Optional<Freeze> onFrame(long arrivalMicros) {
        if (!anyFrame) {
            anyFrame = true;
            lastArrivalMicros = arrivalMicros;
            return Optional.empty();
        }
        if (arrivalMicros < lastArrivalMicros) {
            throw new IllegalArgumentException("frame arrived at " + arrivalMicros + " before the previous one at " + lastArrivalMicros);
        }
        long delay = arrivalMicros - lastArrivalMicros;
        Optional<Freeze> freeze = isFreeze(delay)
                ? Optional.of(new Freeze(lastArrivalMicros, arrivalMicros))
                : Optional.empty();
        if (freeze.isEmpty()) {
            remember(delay);
        }
        lastArrivalMicros = arrivalMicros;
        return freeze;
    }

    /**
     * The freeze in progress at {@code nowMicros}: the time since the last frame is already long
     * enough to be a freeze, though no frame has ended it yet.
     */
    public Optional<Freeze> stallAt(long nowMicros) {
        if (!anyFrame || nowMicros < lastArrivalMicros || !isFreeze(nowMicros - lastArrivalMicros)) {
            return Optional.empty();
        }
        return Optional.of(new Freeze(lastArrivalMicros, nowMicros));
    }

    /** The mean {@code δ} the next delay will be compared with, once enough delays are known. */
    public OptionalDouble meanDelayMicros() {
        return recentDelays.size() < MIN_DELAYS_TO_DETECT
                ? OptionalDouble.empty()
                : OptionalDouble.of((double) recentDelaysSum / recentDelays.size());
    }

    private boolean isFreeze(long delayMicros) {
        OptionalDouble mean = meanDelayMicros();
        if (mean.isEmpty()) {
            return false;
        }
        double threshold = Math.max(MEAN_DELAY_FACTOR * mean.getAsDouble(), mean.getAsDouble() + MIN_INCREASE_MICROS);
        return delayMicros >= threshold;
    }

    private void remember(long delayMicros) {
        if (recentDelays.size() == MEAN_WINDOW_DELAYS) {
            recentDelaysSum -= recentDelays.removeFirst();
        }
        recentDelays.addLast(delayMicros);
        recentDelaysSum += delayMicros;
    }
}
