package io.trtcsim.media;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A microphone stand-in: a 48 kHz mono tone pushed in 10 ms chunks, as libwebrtc expects. */
public final class SyntheticAudioSource extends PacedSource implements AudioCapture {

    public static final int SAMPLE_RATE = 48_000;
    public static final int CHUNK_SAMPLES = 480;

    private static final Logger log = LoggerFactory.getLogger(SyntheticAudioSource.class);

    private final CustomAudioSource source = new CustomAudioSource();
    private final AudioTone tone = new AudioTone();
    private final AtomicLong chunks = new AtomicLong();
    private final MediaEngine engine;
    private final MediaClock clock;

    public SyntheticAudioSource(String name, MediaEngine engine, MediaClock clock) {
        super("audio-source-" + name);
        this.engine = engine;
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
        return source;
    }

    public long chunksCaptured() {
        return chunks.get();
    }

    private void pushChunk() {
        if (isClosed()) {
            return;
        }
        try {
            byte[] chunk = AudioMarker.nextChunk(tone, clock.nowMicros(), isPaused());
            engine.pushAudio(source, chunk, 16, SAMPLE_RATE, 1, CHUNK_SAMPLES);
            chunks.incrementAndGet();
        } catch (RuntimeException e) {
            log.error("audio source failed to push a chunk", e);
        }
    }



    @Override
    void disposeSource() {
        source.dispose();
    }
}
