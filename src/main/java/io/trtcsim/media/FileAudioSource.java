package io.trtcsim.media;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A microphone stand-in that plays a WAV file in a loop: converted once to 48 kHz mono, then pushed
 * in 10 ms chunks like {@link SyntheticAudioSource}, with the same {@link AudioMarker} bursts (the
 * sound made louder for a moment at every whole second of the clock), so capture-to-playout latency
 * is measured for file audio too. A burst is only audible where the file is not silent.
 *
 * <p>The file is read and converted when the source is made, so a bad file fails there.
 */
public final class FileAudioSource extends PacedSource implements AudioCapture {

    public static final int SAMPLE_RATE = SyntheticAudioSource.SAMPLE_RATE;
    public static final int CHUNK_SAMPLES = SyntheticAudioSource.CHUNK_SAMPLES;

    private static final Logger log = LoggerFactory.getLogger(FileAudioSource.class);

    private final PushedAudio audio;
    private final String file;
    private final short[] pcm;
    private final MediaClock clock;
    /** Next sample of {@link #pcm} to push; only the pacer thread touches it. */
    private int position;

    /** A source whose latency bursts follow {@link MediaClock#system()}. */
    public FileAudioSource(String name, Path wav, MediaEngine engine) {
        this(name, wav, engine, MediaClock.system());
    }

    /**
     * @param clock the clock the receivers measure against, as for {@link SyntheticAudioSource}
     * @throws IllegalArgumentException if the file is not a WAV file this source can play
     */
    public FileAudioSource(String name, Path wav, MediaEngine engine, MediaClock clock) {
        super("audio-file-" + name);
        this.pcm = WavReader.read(wav).mono48k();
        this.file = wav.toString();
        this.clock = clock;
        this.audio = new PushedAudio(engine);
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

    /** 10 ms chunks made so far, silent and dropped ones included. */
    public long chunksCaptured() {
        return audio.captured();
    }

    /** Chunks made while the engine held its audio (a connection coming up), not sent. */
    public long chunksDropped() {
        return audio.dropped();
    }

    /** Length of one pass of the file at 48 kHz, in samples. */
    public int loopSamples() {
        return pcm.length;
    }

    private void pushChunk() {
        if (isClosed()) {
            return;
        }
        try {
            // Muted audio is silence, as a disabled browser track sends: stopping the packets instead
            // would make the receiver conceal the gap with a fading copy of the sound.
            byte[] chunk = isPaused() ? new byte[CHUNK_SAMPLES * 2] : nextChunk();
            if (!isPaused() && AudioMarker.inBurst(clock.nowMicros())) {
                AudioMarker.amplify(chunk);
            }
            audio.push(chunk);
        } catch (RuntimeException e) {
            log.error("audio file source failed to push a chunk of {}", file, e);
        }
    }

    /** The next 10 ms of the file as 16-bit little-endian PCM, wrapping to its start at the end. */
    private byte[] nextChunk() {
        byte[] chunk = new byte[CHUNK_SAMPLES * 2];
        for (int i = 0, b = 0; i < CHUNK_SAMPLES; i++, b += 2) {
            short sample = pcm[position];
            chunk[b] = (byte) sample;
            chunk[b + 1] = (byte) (sample >> 8);
            position = position + 1 == pcm.length ? 0 : position + 1;
        }
        return chunk;
    }

    @Override
    void disposeSource() {
        audio.dispose();
    }

    @Override
    public String toString() {
        return "audio from " + file;
    }
}
