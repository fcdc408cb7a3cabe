package io.trtcsim.media;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A microphone stand-in: a 48 kHz mono tone pushed in 10 ms chunks, as libwebrtc expects. */
public final class SyntheticAudioSource implements AudioCapture {

    public static final int SAMPLE_RATE = 48_000;
    public static final int CHUNK_SAMPLES = 480;

    private static final Logger log = LoggerFactory.getLogger(SyntheticAudioSource.class);

    private final CustomAudioSource source = new CustomAudioSource();
    private final AudioTone tone = new AudioTone();
    private final AtomicLong chunks = new AtomicLong();
    private final MediaEngine engine;
    private final MediaClock clock;
    private final Pacer pacer;
    private volatile boolean closed;
    private volatile boolean paused;

    public SyntheticAudioSource(String name, MediaEngine engine, MediaClock clock) {
        this.engine = engine;
        this.clock = clock;
        this.pacer = new Pacer("audio-source-" + name);
    }

    @Override
    public void start() {
        // Pushes fall on whole 10 ms steps of the media clock, so a marker burst starts within a
        // scheduling jitter of its whole second.
        pacer.every(10_000, AudioMarker.alignmentDelayMicros(clock), this::pushChunk);
    }

    @Override
    public CustomAudioSource source() {
        return source;
    }

    public long chunksCaptured() {
        return chunks.get();
    }

    private void pushChunk() {
        if (closed) {
            return;
        }
        try {
            // Muted audio is silence, as a disabled browser track sends: stopping the packets instead
            // would make the receiver conceal the gap with a fading copy of the tone.
            byte[] chunk = paused ? new byte[CHUNK_SAMPLES * 2] : tone.nextChunk();
            if (!paused && AudioMarker.inBurst(clock.nowMicros())) {
                AudioMarker.amplify(chunk);
            }
            engine.pushAudio(source, chunk, 16, SAMPLE_RATE, 1, CHUNK_SAMPLES);
            chunks.incrementAndGet();
        } catch (RuntimeException e) {
            log.error("audio source failed to push a chunk", e);
        }
    }

    /** A paused source pushes silence: the receiving side hears the sound stop, as after a mute. */
    @Override
    public void setPaused(boolean pause) {
        paused = pause;
    }

    public boolean isPaused() {
        return paused;
    }

    @Override
    public void close() {
        closed = true;
        pacer.close();
        source.dispose();
    }
}
