package io.trtcsim.media;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A microphone stand-in: a 48 kHz mono tone pushed in 10 ms chunks, as libwebrtc expects. */
public final class SyntheticAudioSource extends PacedSource implements AudioCapture {

    public static final int SAMPLE_RATE = PushedAudio.SAMPLE_RATE;
    public static final int CHUNK_SAMPLES = PushedAudio.CHUNK_SAMPLES;

    private static final Logger log = LoggerFactory.getLogger(SyntheticAudioSource.class);

    private final PushedAudio audio;
    private final AudioTone tone = new AudioTone();
    private final MediaClock clock;

    public SyntheticAudioSource(String name, MediaEngine engine, MediaClock clock) {
        super("audio-source-" + name);
        this.audio = new PushedAudio(engine);
        this.clock = clock;
    }

    @Override
    public void start() {
        // Pushes fall on whole 10 ms steps of the media clock, so a marker burst starts within a
        // scheduling jitter of its whole second.
        pace(10_000, AudioMarker.alignmentDelayMicros(clock), this::pushChunk);
    }

    @Override
    public CustomAudioSource source() {
        return audio.source();
    }

    /** 10 ms chunks made so far, dropped ones included. */
    public long chunksCaptured() {
        return audio.captured();
    }

    /** Chunks made while the engine held its audio (a connection coming up), not sent. */
    public long chunksDropped() {
        return audio.dropped();
    }

    private void pushChunk() {
        if (isClosed()) {
            return;
        }
        try {
            byte[] chunk = AudioMarker.nextChunk(tone, clock.nowMicros(), isPaused());
            audio.push(chunk);
        } catch (RuntimeException e) {
            log.error("audio source failed to push a chunk", e);
        }
    }

    @Override
    void disposeSource() {
        audio.dispose();
    }
}
