package io.trtcsim.media;

/**
 * One chunk of audio a sink received (libwebrtc delivers 10 ms at a time): when it arrived, how
 * many samples per channel at what rate, and its RMS level (0..1).
 */
public record AudioChunk(long arrivalMicros, int frames, int sampleRate, double level) {

    public long durationMicros() {
        return sampleRate <= 0 ? 0 : frames * 1_000_000L / sampleRate;
    }
}
