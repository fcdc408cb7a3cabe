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
 * A RIFF/WAVE file of 16-bit PCM, mono or stereo, at any sample rate, loaded whole into memory.
 *
 * <p>Accepts the plain PCM format tag (1) and WAVE_FORMAT_EXTENSIBLE with the PCM sub-format, which
 * some tools write even for 16-bit audio; chunks other than {@code fmt } and {@code data} (LIST,
 * fact, ...) are skipped. Everything else (8/24/32-bit, float, A-law, more than two channels) is
 * refused with an {@link IllegalArgumentException} that names the file and what it holds.
 *
 * <p>libwebrtc's custom audio sources take 48 kHz here, so {@link #mono48k()} converts: channels are
 * averaged, then the rate is changed by linear interpolation. That is not a studio resampler (no
 * anti-alias filter), but test speech and tones survive it. Immutable and thread-safe.
 */
public final class WavReader {

    public static final int TARGET_RATE = 48_000;

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final int MIN_FMT_SIZE = 16;

    private final String file;
    private final int sampleRate;
    private final int channels;
    private final short[] samples;

    private WavReader(String file, int sampleRate, int channels, short[] samples) {
        this.file = file;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.samples = samples;
    }

    /**
     * Reads all samples of {@code file}.
     *
     * @throws IllegalArgumentException naming the file and the problem, if it is not a whole 16-bit
     *                                  PCM mono or stereo WAV file
     * @throws UncheckedIOException     if it cannot be read
     */
    public static WavReader read(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WAV file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), data);
    }

    /** Parses a whole WAV file held in {@code data}; {@code file} names it in error messages. */
    static WavReader parse(String file, byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (data.length < 12 || !tag(data, 0).equals("RIFF") || !tag(data, 8).equals("WAVE")) {
            throw error(file, "is not a RIFF/WAVE file: it does not start with 'RIFF....WAVE'");
        }
        int position = 12;
        ByteBuffer format = null;
        int dataStart = -1;
        int dataSize = -1;
        while (position + 8 <= data.length && (format == null || dataStart < 0)) {
            String id = tag(data, position);
            long size = Integer.toUnsignedLong(in.getInt(position + 4));
            int body = position + 8;
            if (size > data.length - body) {
                throw error(file, "is truncated: its '" + id + "' chunk declares " + size + " bytes but only "
                        + (data.length - body) + " follow");
            }
            if (id.equals("fmt ")) {
                format = ByteBuffer.wrap(data, body, (int) size).slice().order(ByteOrder.LITTLE_ENDIAN);
            } else if (id.equals("data")) {
                dataStart = body;
                dataSize = (int) size;
            }
            // Chunks are padded to an even length.
            position = body + (int) size + (int) (size & 1);
        }
        if (format == null) {
            throw error(file, "has no 'fmt ' chunk");
        }
        if (dataStart < 0) {
            throw error(file, "has no 'data' chunk");
        }
        if (format.limit() < MIN_FMT_SIZE) {
            throw error(file, "has a 'fmt ' chunk of " + format.limit() + " bytes; at least " + MIN_FMT_SIZE + " expected");
        }

        int formatTag = format.getShort(0) & 0xFFFF;
        int channels = format.getShort(2) & 0xFFFF;
        long sampleRate = Integer.toUnsignedLong(format.getInt(4));
        int bitsPerSample = format.getShort(14) & 0xFFFF;
        if (formatTag == FORMAT_EXTENSIBLE) {
            // cbSize(2) validBits(2) channelMask(4), then the sub-format GUID whose first 2 bytes are the tag.
            if (format.limit() < 26) {
                throw error(file, "has a WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk too short for its sub-format");
            }
            formatTag = format.getShort(24) & 0xFFFF;
        }
        if (formatTag != FORMAT_PCM) {
            throw error(file, "is " + formatName(formatTag) + "; only 16-bit integer PCM is supported");
        }
        if (bitsPerSample != 16) {
            throw error(file, "has " + bitsPerSample + "-bit samples; only 16-bit PCM is supported");
        }
        if (channels != 1 && channels != 2) {
            throw error(file, "has " + channels + " channels; only mono or stereo is supported");
        }
        if (sampleRate <= 0 || sampleRate > 384_000) {
            throw error(file, "has an invalid sample rate of " + sampleRate + " Hz");
        }
        int frameBytes = channels * 2;
        if (dataSize % frameBytes != 0) {
            throw error(file, "has a 'data' chunk of " + dataSize + " bytes, not a whole number of "
                    + frameBytes + "-byte sample frames");
        }
        if (dataSize == 0) {
            throw error(file, "has no samples");
        }
        short[] samples = new short[dataSize / 2];
        ByteBuffer.wrap(data, dataStart, dataSize).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return new WavReader(file, (int) sampleRate, channels, samples);
    }

    /** The file these samples were read from, as given. */
    public String file() {
        return file;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** 1 (mono) or 2 (stereo). */
    public int channels() {
        return channels;
    }

    /** A copy of all samples, channels interleaved (left, right, left, ... for stereo). */
    public short[] samples() {
        return samples.clone();
    }

    /** Samples per channel. */
    public int frameCount() {
        return samples.length / channels;
    }

    public double durationSeconds() {
        return (double) frameCount() / sampleRate;
    }

    /** The audio as 48 kHz mono: channels averaged, then linearly resampled. */
    public short[] mono48k() {
        return resample(toMono(samples, channels), sampleRate, TARGET_RATE);
    }

    /** Averages the channels of interleaved samples, rounded to the nearest integer. */
    static short[] toMono(short[] interleaved, int channels) {
        if (channels == 1) {
            return interleaved.clone();
        }
        short[] mono = new short[interleaved.length / channels];
        for (int frame = 0; frame < mono.length; frame++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[frame * channels + c];
            }
            mono[frame] = (short) Math.round((double) sum / channels);
        }
        return mono;
    }

    /**
     * Linear-interpolation resampling of mono audio: output sample {@code i} is read at input position
     * {@code i * fromRate / toRate}. The output holds {@code round(length * toRate / fromRate)} samples,
     * so one second stays one second; past the last input sample it holds that sample.
     */
    static short[] resample(short[] mono, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive, got " + fromRate + " and " + toRate);
        }
        if (fromRate == toRate) {
            return mono.clone();
        }
        int length = (int) Math.round((double) mono.length * toRate / fromRate);
        short[] out = new short[length];
        int last = mono.length - 1;
        for (int i = 0; i < length; i++) {
            long numerator = (long) i * fromRate;
            int index = (int) (numerator / toRate);
            double fraction = (double) (numerator % toRate) / toRate;
            if (index >= last) {
                out[i] = mono[last];
            } else {
                out[i] = (short) Math.round(mono[index] + (mono[index + 1] - mono[index]) * fraction);
            }
        }
        return out;
    }

    private static String formatName(int formatTag) {
        return switch (formatTag) {
            case 3 -> "IEEE float (format 3)";
            case 6 -> "A-law (format 6)";
            case 7 -> "mu-law (format 7)";
            case 2, 0x11 -> "ADPCM (format " + formatTag + ")";
            case 0x55 -> "MP3 (format 0x55)";
            default -> "encoded with WAVE format tag 0x" + Integer.toHexString(formatTag);
        };
    }

    private static String tag(byte[] data, int offset) {
        return new String(data, offset, 4, StandardCharsets.US_ASCII);
    }

    private static IllegalArgumentException error(String file, String problem) {
        return new IllegalArgumentException("WAV file " + file + " " + problem);
    }

    @Override
    public String toString() {
        return "WAV " + file + ": " + sampleRate + " Hz, " + channels + " channel(s), " + frameCount() + " samples";
    }
}
