package io.trtcsim.media;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes 8-bit 4:2:0 YUV4MPEG2 files that {@link Y4mReader} (and ffmpeg, ffplay, libwebrtc's tools)
 * read: header {@code YUV4MPEG2 W<w> H<h> F<num>:<den> Ip A1:1 C420jpeg}, then {@code FRAME} and the
 * Y, U, V planes of each frame. Stateless.
 */
public final class Y4mWriter {

    private Y4mWriter() {
    }

    /**
     * Writes {@code frames}, each {@code width * height * 3 / 2} bytes of packed Y, U, V planes, to
     * {@code file}, replacing it.
     *
     * @throws IllegalArgumentException for an odd or non-positive size, a bad rate, no frames, or a
     *                                  frame of the wrong length
     */
    public static void write(Path file, int width, int height, int frameRateNumerator, int frameRateDenominator,
                             List<byte[]> frames) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(frames, "frames");
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("Y4M size " + width + "x" + height + " must be positive and even");
        }
        if (frameRateNumerator <= 0 || frameRateDenominator <= 0) {
            throw new IllegalArgumentException("Y4M frame rate " + frameRateNumerator + ":" + frameRateDenominator
                    + " must be positive");
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a Y4M file needs at least one frame");
        }
        int frameSize = width * height * 3 / 2;
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).length != frameSize) {
                throw new IllegalArgumentException("frame " + i + " has " + frames.get(i).length + " bytes; a "
                        + width + "x" + height + " 4:2:0 frame has " + frameSize);
            }
        }
        String header = Y4mReader.SIGNATURE + " W" + width + " H" + height + " F" + frameRateNumerator + ":"
                + frameRateDenominator + " Ip A1:1 C420jpeg\n";
        byte[] frameLine = "FRAME\n".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            for (byte[] frame : frames) {
                out.write(frameLine);
                out.write(frame);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Y4M file " + file + ": " + e.getMessage(), e);
        }
    }
}
