package io.trtcsim.media;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The way a pushed microphone stand-in hands its 10 ms chunks to libwebrtc: through its engine,
 * which drops a chunk while a negotiation holds the engine's audio ({@link MediaEngine#pushAudio}),
 * counting what was captured and what was dropped. Called from the source's pacer thread only.
 */
final class PushedAudio {

    static final int SAMPLE_RATE = 48_000;
    static final int CHUNK_SAMPLES = 480;

    private final MediaEngine engine;
    private final CustomAudioSource source = new CustomAudioSource();
    private final AtomicLong captured = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    PushedAudio(MediaEngine engine) {
        this.engine = engine;
    }

    CustomAudioSource source() {
        return source;
    }

    /** Pushes one 10 ms chunk of 16-bit mono PCM at 48 kHz, or counts it dropped. */
    void push(byte[] chunk) {
        if (!engine.pushAudio(source, chunk, 16, SAMPLE_RATE, 1, CHUNK_SAMPLES)) {
            dropped.incrementAndGet();
        }
        captured.incrementAndGet();
    }

    long captured() {
        return captured.get();
    }

    long dropped() {
        return dropped.get();
    }

    void dispose() {
        source.dispose();
    }
}
