package io.trtcsim.media.metrics;

import io.trtcsim.media.AudioChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic received-audio timeline: 10 ms chunks of the sender's tone, with its marker bursts
 * (3x louder for 60 ms from every whole second of capture time), delivered after a known latency,
 * with silences and holes exactly where a test puts them.
 */
final class AudioTimeline {

    static final long MS = 1_000;
    static final long SECOND = 1_000_000;
    static final int SAMPLE_RATE = 48_000;
    static final long CHUNK_MICROS = 10 * MS;

    /** RMS of a sine of amplitude a is a / sqrt(2). */
    static final double TONE = 0.3 / Math.sqrt(2);
    static final double BURST = 0.9 / Math.sqrt(2);
    static final long BURST_MICROS = 60 * MS;

    private final List<AudioChunk> chunks = new ArrayList<>();
    private long nextCapture;
    private long latencyMicros = 100 * MS;
    private boolean bursts = true;

    private AudioTimeline(long firstCaptureMicros) {
        this.nextCapture = firstCaptureMicros;
    }

    static AudioTimeline capturedFrom(long firstCaptureMicros) {
        return new AudioTimeline(firstCaptureMicros);
    }

    AudioTimeline latencyMillis(long millis) {
        latencyMicros = millis * MS;
        return this;
    }

    AudioTimeline withoutBursts() {
        bursts = false;
        return this;
    }

    /** The tone for {@code millis}, with a burst wherever a whole second falls. */
    AudioTimeline tone(long millis) {
        for (long end = nextCapture + millis * MS; nextCapture < end; nextCapture += CHUNK_MICROS) {
            add(toneLevel(nextCapture));
        }
        return this;
    }

    /** Chunks that arrive but carry nothing audible. */
    AudioTimeline silence(long millis) {
        for (long end = nextCapture + millis * MS; nextCapture < end; nextCapture += CHUNK_MICROS) {
            add(0.0);
        }
        return this;
    }

    /** Chunks at a chosen level. */
    AudioTimeline level(double level, long millis) {
        for (long end = nextCapture + millis * MS; nextCapture < end; nextCapture += CHUNK_MICROS) {
            add(level);
        }
        return this;
    }

    /** Time passes and no chunk arrives. */
    AudioTimeline hole(long millis) {
        nextCapture += millis * MS;
        return this;
    }

    List<AudioChunk> build() {
        return List.copyOf(chunks);
    }

    /** RMS of a chunk captured from {@code captureMicros}, part of which may lie in a burst. */
    double toneLevel(long captureMicros) {
        if (!bursts) {
            return TONE;
        }
        long burstStart = Math.floorDiv(captureMicros + CHUNK_MICROS - 1, SECOND) * SECOND;
        long previousBurst = Math.floorDiv(captureMicros, SECOND) * SECOND;
        long inBurst = overlap(captureMicros, previousBurst) + (burstStart != previousBurst ? overlap(captureMicros, burstStart) : 0);
        double fraction = (double) inBurst / CHUNK_MICROS;
        return Math.sqrt(fraction * BURST * BURST + (1 - fraction) * TONE * TONE);
    }

    private static long overlap(long chunkStart, long burstStart) {
        long from = Math.max(chunkStart, burstStart);
        long to = Math.min(chunkStart + CHUNK_MICROS, burstStart + BURST_MICROS);
        return Math.max(0, to - from);
    }

    private void add(double level) {
        chunks.add(new AudioChunk(nextCapture + latencyMicros, SAMPLE_RATE / 100, SAMPLE_RATE, level));
    }
}
