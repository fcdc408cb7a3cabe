package io.trtcsim.media;

/**
 * A sine tone cut into the 10 ms chunks that webrtc-java's {@code CustomAudioSource.pushAudio} takes:
 * 16-bit little-endian mono PCM at 48 kHz, 480 samples (960 bytes) per chunk. The phase carries over
 * from one chunk to the next so the receiver hears a clean tone, not a click every 10 ms.
 *
 * <p>Each chunk is a new array because the caller may hand it to native code that reads it later.
 * Thread-safe: concurrent callers get consecutive chunks.
 */
public final class AudioTone {

    public static final int SAMPLE_RATE = 48_000;
    public static final int CHANNELS = 1;
    public static final int BITS_PER_SAMPLE = 16;
    public static final int SAMPLES_PER_CHUNK = SAMPLE_RATE / 100;
    public static final int BYTES_PER_CHUNK = SAMPLES_PER_CHUNK * BITS_PER_SAMPLE / 8;
    public static final double DEFAULT_FREQUENCY_HZ = 440.0;
    public static final double DEFAULT_AMPLITUDE = 0.3;

    private static final double FULL_SCALE = 32_767.0;
    private static final double TWO_PI = 2 * Math.PI;

    private final double frequencyHz;
    private final double amplitude;
    private final double phaseStep;
    private double phase;

    /** A 440 Hz tone at 0.3 of full scale. */
    public AudioTone() {
        this(DEFAULT_FREQUENCY_HZ, DEFAULT_AMPLITUDE);
    }

    /**
     * @param frequencyHz above 0 and below the Nyquist frequency (24 kHz)
     * @param amplitude   peak as a fraction of full scale, in (0, 1]
     */
    public AudioTone(double frequencyHz, double amplitude) {
        if (!(frequencyHz > 0 && frequencyHz < SAMPLE_RATE / 2.0)) {
            throw new IllegalArgumentException("frequency must be above 0 and below " + SAMPLE_RATE / 2 + " Hz, got " + frequencyHz);
        }
        if (!(amplitude > 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("amplitude must be in (0, 1], got " + amplitude);
        }
        this.frequencyHz = frequencyHz;
        this.amplitude = amplitude;
        this.phaseStep = TWO_PI * frequencyHz / SAMPLE_RATE;
    }

    public double frequencyHz() {
        return frequencyHz;
    }

    public double amplitude() {
        return amplitude;
    }

    /** The next 10 ms of the tone, in a new array of {@value #BYTES_PER_CHUNK} bytes. */
    public synchronized byte[] nextChunk() {
        byte[] pcm = new byte[BYTES_PER_CHUNK];
        double scale = amplitude * FULL_SCALE;
        for (int i = 0, b = 0; i < SAMPLES_PER_CHUNK; i++, b += 2) {
            int sample = (int) Math.round(scale * Math.sin(phase));
            pcm[b] = (byte) sample;
            pcm[b + 1] = (byte) (sample >> 8);
            phase += phaseStep;
            if (phase >= TWO_PI) {
                phase -= TWO_PI;
            }
        }
        return pcm;
    }

    /**
     * Root mean square of the first {@code samples} samples of 16-bit little-endian PCM, as a fraction
     * of full scale in [0, 1]; 0 for no samples. A full-scale sine reads about 0.707.
     */
    public static double rmsLevel(byte[] pcm16le, int samples) {
        if (pcm16le == null) {
            throw new IllegalArgumentException("pcm16le must not be null");
        }
        if (samples < 0 || samples > pcm16le.length / 2) {
            throw new IllegalArgumentException("samples must be within 0.." + pcm16le.length / 2
                    + " for " + pcm16le.length + " bytes, got " + samples);
        }
        if (samples == 0) {
            return 0;
        }
        double sumOfSquares = 0;
        for (int i = 0, b = 0; i < samples; i++, b += 2) {
            int sample = (short) ((pcm16le[b] & 0xFF) | (pcm16le[b + 1] << 8));
            sumOfSquares += (double) sample * sample;
        }
        return Math.min(1.0, Math.sqrt(sumOfSquares / samples) / 32_768.0);
    }
}
