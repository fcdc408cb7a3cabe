package io.trtcsim.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A YUV4MPEG2 (".y4m") clip loaded whole into memory: the format ffmpeg, x264 and libwebrtc's own
 * test tools read and write raw video in.
 *
 * <p>The stream header is {@code YUV4MPEG2} followed by space-separated tags ({@code W176 H144 F15:1
 * Ip A1:1 C420jpeg}); each frame is a {@code FRAME} line (its own tags ignored) followed by the Y, U
 * and V planes, tightly packed. Only 8-bit 4:2:0 is accepted: {@code C420}, {@code C420jpeg},
 * {@code C420paldv}, {@code C420mpeg2}, or no {@code C} tag (the format's default, 420jpeg). Those
 * differ only in where chroma samples sit, which does not change the bytes, so all are read alike.
 * Width and height must be even, as libwebrtc's I420 buffers want.
 *
 * <p>Files are small samples (a few seconds at low resolution), so every frame is kept as one
 * {@code byte[]} of {@code width * height * 3 / 2} bytes. Immutable and thread-safe once read.
 */
public final class Y4mReader {

    public static final String SIGNATURE = "YUV4MPEG2";
    public static final Set<String> ACCEPTED_CHROMA = Set.of("420", "420jpeg", "420paldv", "420mpeg2");

    private static final String FRAME_TAG = "FRAME";
    /** A header line longer than this is not a Y4M header: stop before scanning a large binary file. */
    private static final int MAX_LINE = 1024;

    private final String file;
    private final int width;
    private final int height;
    private final int frameRateNumerator;
    private final int frameRateDenominator;
    private final List<byte[]> frames;

    private Y4mReader(String file, int width, int height, int frameRateNumerator, int frameRateDenominator,
                      List<byte[]> frames) {
        this.file = file;
        this.width = width;
        this.height = height;
        this.frameRateNumerator = frameRateNumerator;
        this.frameRateDenominator = frameRateDenominator;
        this.frames = frames;
    }

    /**
     * Reads every frame of {@code file}.
     *
     * @throws IllegalArgumentException naming the file and the problem, if it is not an 8-bit 4:2:0
     *                                  Y4M clip of even size with at least one whole frame
     * @throws UncheckedIOException     if it cannot be read
     */
    public static Y4mReader read(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Y4M file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), data);
    }

    /** Parses a whole Y4M file held in {@code data}; {@code file} names it in error messages. */
    static Y4mReader parse(String file, byte[] data) {
        Cursor cursor = new Cursor(file, data);
        if (!cursor.startsWith(SIGNATURE + " ") && !cursor.startsWith(SIGNATURE + "\n")) {
            throw cursor.error("is not a YUV4MPEG2 file: it does not start with '" + SIGNATURE + " '");
        }
        String header = cursor.line("stream header");
        int width = -1;
        int height = -1;
        int rateNumerator = -1;
        int rateDenominator = -1;
        for (String tag : header.substring(SIGNATURE.length()).trim().split(" +")) {
            if (tag.isEmpty()) {
                continue;
            }
            String value = tag.substring(1);
            switch (tag.charAt(0)) {
                case 'W' -> width = positive(cursor, "width (W)", value);
                case 'H' -> height = positive(cursor, "height (H)", value);
                case 'F' -> {
                    String[] ratio = value.split(":", -1);
                    if (ratio.length != 2) {
                        throw cursor.error("has a malformed frame rate tag 'F" + value + "': expected F<num>:<den>");
                    }
                    rateNumerator = positive(cursor, "frame rate numerator (F)", ratio[0]);
                    rateDenominator = positive(cursor, "frame rate denominator (F)", ratio[1]);
                }
                case 'C' -> {
                    if (!ACCEPTED_CHROMA.contains(value)) {
                        throw cursor.error("uses colour space 'C" + value + "', but only 8-bit 4:2:0 is supported "
                                + "(C420, C420jpeg, C420paldv, C420mpeg2 or no C tag)");
                    }
                }
                default -> {
                    // I (interlacing), A (aspect), X (extensions): they do not change the bytes.
                }
            }
        }
        if (width < 0 || height < 0) {
            throw cursor.error("has no " + (width < 0 ? "width (W)" : "height (H)") + " tag in its header");
        }
        if (rateNumerator < 0) {
            throw cursor.error("has no frame rate (F) tag in its header");
        }
        if (width % 2 != 0 || height % 2 != 0) {
            throw cursor.error("is " + width + "x" + height + ": width and height must be even for 4:2:0 video");
        }

        long frameSize = (long) width * height * 3 / 2;
        if (frameSize > Integer.MAX_VALUE - 8) {
            throw cursor.error("declares " + width + "x" + height + " frames, too large to hold in memory");
        }
        List<byte[]> frames = new ArrayList<>();
        while (!cursor.atEnd()) {
            String frameHeader = cursor.line("header of frame " + frames.size());
            if (!(frameHeader.equals(FRAME_TAG) || frameHeader.startsWith(FRAME_TAG + " "))) {
                throw cursor.error("has no FRAME line where frame " + frames.size() + " should start (byte "
                        + cursor.lineStart + ")");
            }
            frames.add(cursor.bytes((int) frameSize, frames.size()));
        }
        if (frames.isEmpty()) {
            throw cursor.error("has a header but no frames");
        }
        return new Y4mReader(file, width, height, rateNumerator, rateDenominator, List.copyOf(frames));
    }

    private static int positive(Cursor cursor, String what, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw cursor.error("has an invalid " + what + " '" + value + "': expected a positive integer");
    }

    /** The file this clip was read from, as given. */
    public String file() {
        return file;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Frames per second, {@code F<num>:<den>} of the header (30000:1001 is 29.97). */
    public double frameRate() {
        return (double) frameRateNumerator / frameRateDenominator;
    }

    public int frameRateNumerator() {
        return frameRateNumerator;
    }

    public int frameRateDenominator() {
        return frameRateDenominator;
    }

    /** Time between frames at the file's rate, rounded to the microsecond. */
    public long frameIntervalMicros() {
        return Math.round(1_000_000.0 * frameRateDenominator / frameRateNumerator);
    }

    public int frameCount() {
        return frames.size();
    }

    /** Bytes of one frame: the Y plane, then U, then V. */
    public int frameSize() {
        return width * height * 3 / 2;
    }

    /** A copy of frame {@code index}: Y ({@code width * height}), U, V ({@code width/2 * height/2} each). */
    public byte[] frame(int index) {
        return frames.get(Objects.checkIndex(index, frames.size())).clone();
    }

    /**
     * Copies frame {@code index} into three planes whose rows are {@code stride} bytes apart, as in a
     * libwebrtc I420 buffer. Planes start at index 0; only absolute puts are used, so the buffers'
     * positions and limits are unchanged.
     */
    public void copyFrame(int index, ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v, int strideV) {
        byte[] frame = frames.get(Objects.checkIndex(index, frames.size()));
        int chromaWidth = width / 2;
        int chromaHeight = height / 2;
        int uOffset = width * height;
        int vOffset = uOffset + chromaWidth * chromaHeight;
        copyPlane(frame, 0, width, height, y, strideY);
        copyPlane(frame, uOffset, chromaWidth, chromaHeight, u, strideU);
        copyPlane(frame, vOffset, chromaWidth, chromaHeight, v, strideV);
    }

    private static void copyPlane(byte[] frame, int offset, int planeWidth, int planeHeight, ByteBuffer plane,
                                  int stride) {
        Objects.requireNonNull(plane, "plane");
        if (stride < planeWidth) {
            throw new IllegalArgumentException("stride " + stride + " is smaller than the plane width " + planeWidth);
        }
        for (int row = 0; row < planeHeight; row++) {
            plane.put(row * stride, frame, offset + row * planeWidth, planeWidth);
        }
    }

    @Override
    public String toString() {
        return "Y4M " + file + ": " + width + "x" + height + " at " + frameRateNumerator + ":" + frameRateDenominator
                + " fps, " + frames.size() + " frames";
    }

    /** Reads lines and byte blocks from the file's bytes, and words errors with the file's name. */
    private static final class Cursor {
        private final String file;
        private final byte[] data;
        private int position;
        private int lineStart;

        Cursor(String file, byte[] data) {
            this.file = file;
            this.data = data;
        }

        boolean atEnd() {
            return position >= data.length;
        }

        boolean startsWith(String prefix) {
            byte[] expected = prefix.getBytes(StandardCharsets.US_ASCII);
            return data.length >= expected.length
                    && Arrays.equals(data, 0, expected.length, expected, 0, expected.length);
        }

        /** The next line without its '\n'; it must end within {@value #MAX_LINE} bytes. */
        String line(String what) {
            lineStart = position;
            int limit = Math.min(data.length, position + MAX_LINE);
            for (int i = position; i < limit; i++) {
                if (data[i] == '\n') {
                    String line = new String(data, position, i - position, StandardCharsets.US_ASCII);
                    position = i + 1;
                    return line;
                }
            }
            throw error("has no line end within " + MAX_LINE + " bytes of the " + what + " (byte " + position
                    + "): truncated or not Y4M");
        }

        byte[] bytes(int count, int frameIndex) {
            int available = data.length - position;
            if (available < count) {
                throw error("is truncated: frame " + frameIndex + " has " + available + " of its " + count + " bytes");
            }
            byte[] block = new byte[count];
            System.arraycopy(data, position, block, 0, count);
            position += count;
            return block;
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("Y4M file " + file + " " + problem);
        }
    }
}
