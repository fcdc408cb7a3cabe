package io.trtcsim.media.metrics;

import io.trtcsim.media.RenderedFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic rendered-frame timeline: frames at a steady rate with a known latency, holes,
 * losses, repeats and unreadable markers exactly where a test puts them.
 */
final class FrameTimeline {

    static final long MS = 1_000;
    static final long SECOND = 1_000_000;

    private final List<RenderedFrame> frames = new ArrayList<>();
    /** Kept fractional so that 30 fps is 30 frames a second, not 30.0003. */
    private double nextArrival;
    private long nextSequence;
    private double intervalMicros = SECOND / 30.0;
    private long latencyMicros = 40 * MS;
    private int width = 640;
    private int height = 360;

    private FrameTimeline(long firstArrivalMicros) {
        this.nextArrival = firstArrivalMicros;
    }

    static FrameTimeline startingAt(long firstArrivalMicros) {
        return new FrameTimeline(firstArrivalMicros);
    }

    FrameTimeline fps(int fps) {
        intervalMicros = SECOND / (double) fps;
        return this;
    }

    FrameTimeline latencyMillis(long millis) {
        latencyMicros = millis * MS;
        return this;
    }

    FrameTimeline resolution(int frameWidth, int frameHeight) {
        width = frameWidth;
        height = frameHeight;
        return this;
    }

    /** {@code count} frames, one interval apart, each with the next sequence number. */
    FrameTimeline frames(int count) {
        for (int i = 0; i < count; i++) {
            frame(nextSequence++, latencyMicros);
        }
        return this;
    }

    /** Frames for {@code millis} of time at the current rate. */
    FrameTimeline framesFor(long millis) {
        return frames((int) Math.round(millis * MS / intervalMicros));
    }

    /** The next frame arrives {@code millis} after the last one instead of one interval after. */
    FrameTimeline hole(long millis) {
        nextArrival = lastArrival() + millis * MS;
        return this;
    }

    /** {@code count} captured frames that never arrive: the sequence moves on, time does too. */
    FrameTimeline lose(int count) {
        nextSequence += count;
        nextArrival += count * intervalMicros;
        return this;
    }

    /** The next frame carries this sequence number (a repeat, or a sender that restarted). */
    FrameTimeline sequence(long sequence) {
        nextSequence = sequence;
        return this;
    }

    /** {@code count} frames whose marker could not be read. */
    FrameTimeline unmarked(int count) {
        for (int i = 0; i < count; i++) {
            frames.add(new RenderedFrame(Math.round(nextArrival), width, height, -1, -1));
            nextArrival += intervalMicros;
        }
        return this;
    }

    /** One frame with its own latency, one interval after the previous one. */
    FrameTimeline frameWithLatencyMillis(long millis) {
        frame(nextSequence++, millis * MS);
        return this;
    }

    List<RenderedFrame> build() {
        return List.copyOf(frames);
    }

    long lastArrival() {
        return frames.get(frames.size() - 1).arrivalMicros();
    }

    long nextArrival() {
        return Math.round(nextArrival);
    }

    private void frame(long sequence, long latency) {
        long arrival = Math.round(nextArrival);
        frames.add(new RenderedFrame(arrival, width, height, sequence, arrival - latency));
        nextArrival += intervalMicros;
    }
}
