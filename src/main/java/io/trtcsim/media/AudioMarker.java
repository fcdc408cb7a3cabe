package io.trtcsim.media;

/**
 * The audio latency marker: the tone is made {@value #GAIN}x louder for {@value #BURST_MILLIS} ms
 * starting at every whole second of the media clock. A receiver that hears a burst begin knows it
 * was captured at the whole second before, as long as the delay is under a second.
 */
public final class AudioMarker {

    public static final long PERIOD_MICROS = 1_000_000;
    public static final long BURST_MILLIS = 60;
    public static final int GAIN = 3;

    private AudioMarker() {
    }

    /** Whether a chunk captured at {@code captureMicros} lies inside a burst. */
    public static boolean inBurst(long captureMicros) {
        return Math.floorMod(captureMicros, PERIOD_MICROS) < BURST_MILLIS * 1000;
    }

    /**
     * The next 10 ms a marked microphone gives: the tone, louder inside a burst; or silence (muted,
     * as a disabled browser track sends: stopping instead would make the receiver conceal the gap
     * with a fading copy of the tone).
     */
    static byte[] nextChunk(AudioTone tone, long captureMicros, boolean silent) {
        if (silent) {
            return new byte[AudioTone.BYTES_PER_CHUNK];
        }
        byte[] chunk = tone.nextChunk();
        if (inBurst(captureMicros)) {
            amplify(chunk);
        }
        return chunk;
    }

    /** Scales 16-bit little-endian PCM in place by {@link #GAIN}, clipping at full scale. */
    public static void amplify(byte[] pcm16le) {
        for (int i = 0; i + 1 < pcm16le.length; i += 2) {
            int sample = (short) ((pcm16le[i] & 0xFF) | (pcm16le[i + 1] << 8));
            int louder = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample * GAIN));
            pcm16le[i] = (byte) louder;
            pcm16le[i + 1] = (byte) (louder >> 8);
        }
    }

    /** Delay before the first push so that pushes fall on whole 10 ms steps of the clock. */
    static long alignmentDelayMicros(MediaClock clock) {
        return 10_000 - Math.floorMod(clock.nowMicros(), 10_000);
    }
}
