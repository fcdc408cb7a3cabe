package io.trtcsim.media;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the audio a played remote stream delivers, on libwebrtc's audio thread. */
public final class AudioRenderSink implements AudioTrackSink {

    private final MediaClock clock;
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong callbacks = new AtomicLong();
    private volatile long firstArrivalMicros = -1;
    private volatile double lastLevel;

    public AudioRenderSink(MediaClock clock) {
        this.clock = clock;
    }

    @Override
    public void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        if (firstArrivalMicros < 0) {
            firstArrivalMicros = clock.nowMicros();
        }
        callbacks.incrementAndGet();
        samples.addAndGet(frames);
        if (bitsPerSample == 16 && channels == 1) {
            lastLevel = AudioTone.rmsLevel(data, frames);
        }
    }

    /** Audio frames (samples per channel) delivered so far. */
    public long samplesReceived() {
        return samples.get();
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
        return "audio: " + samples.get() + " samples in " + callbacks.get() + " chunks";
    }
}
