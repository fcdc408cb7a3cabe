package io.trtcsim.media;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the audio a played remote stream delivers, on libwebrtc's audio thread. */
public final class AudioRenderSink implements AudioTrackSink {

    private final MediaClock clock;
    /** RMS level above which a chunk counts as sound rather than silence or comfort noise. */
    public static final double AUDIBLE_LEVEL = 0.01;

    private final ConcurrentLinkedQueue<AudioChunk> chunks = new ConcurrentLinkedQueue<>();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong audibleSamples = new AtomicLong();
    private final AtomicLong callbacks = new AtomicLong();
    private volatile long firstArrivalMicros = -1;
    private volatile double lastLevel;
    private volatile long lastAudibleMicros = -1;

    public AudioRenderSink(MediaClock clock) {
        this.clock = clock;
    }

    @Override
    public void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        long now = clock.nowMicros();
        if (firstArrivalMicros < 0) {
            firstArrivalMicros = now;
        }
        callbacks.incrementAndGet();
        samples.addAndGet(frames);
        if (bitsPerSample == 16) {
            // Interleaved channels: the RMS over all of them is the level a meter would show.
            double level = AudioTone.rmsLevel(data, frames * channels);
            lastLevel = level;
            chunks.add(new AudioChunk(now, frames, sampleRate, level));
            if (level >= AUDIBLE_LEVEL) {
                audibleSamples.addAndGet(frames);
                lastAudibleMicros = now;
            }
        }
    }

    /** A snapshot of every chunk received so far, in arrival order. */
    public List<AudioChunk> chunks() {
        return List.copyOf(chunks);
    }

    /** Audio frames (samples per channel) delivered so far. */
    public long samplesReceived() {
        return samples.get();
    }

    /**
     * Samples in chunks loud enough to be the sender's sound. A receiver plays out silence and
     * comfort noise even when no audio arrives, so this, not {@link #samplesReceived}, proves delivery.
     */
    public long audibleSamples() {
        return audibleSamples.get();
    }

    /** When the last audible chunk arrived (media clock, µs), or -1. */
    public long lastAudibleMicros() {
        return lastAudibleMicros;
    }

    public long callbacks() {
        return callbacks.get();
    }

    public long firstArrivalMicros() {
        return firstArrivalMicros;
    }

    /** RMS level of the last chunk, 0..1. */
    public double lastLevel() {
        return lastLevel;
    }

    @Override
    public String toString() {
        return "audio: " + samples.get() + " samples in " + callbacks.get() + " chunks, " + audibleSamples.get()
                + " audible, last level " + String.format("%.3f", lastLevel);
    }
}
