package io.trtcsim.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes canonical 44-byte-header RIFF/WAVE files of 16-bit PCM, the form {@link WavReader} and every
 * audio tool read. Stateless.
 */
public final class WavWriter {

    private static final int HEADER_BYTES = 44;

    private WavWriter() {
    }

    /**
     * Writes {@code samples} (channels interleaved) to {@code file}, replacing it.
     *
     * @throws IllegalArgumentException for a non-positive rate, a channel count outside 1..2, or a
     *                                  sample count that is not a multiple of the channels
     */
    public static void write(Path file, int sampleRate, int channels, short[] samples) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2, got " + channels);
        }
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(samples.length + " samples are not a whole number of "
                    + channels + "-channel frames");
        }
        int dataBytes = samples.length * 2;
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(HEADER_BYTES - 8 + dataBytes)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1)                        // PCM
                .putShort((short) channels)
                .putInt(sampleRate)
                .putInt(sampleRate * channels * 2)          // bytes per second
                .putShort((short) (channels * 2))           // block align
                .putShort((short) 16)                       // bits per sample
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        out.asShortBuffer().put(samples);
        try {
            Files.write(file, out.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write WAV file " + file + ": " + e.getMessage(), e);
        }
    }
}
