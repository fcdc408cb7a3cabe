package io.trtcsim.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the sample files under {@code media-samples/} so they can be made again byte for byte:
 * <pre>
 * mvn -q -B -o compile exec:java -Dexec.mainClass=io.trtcsim.media.MediaSampleGenerator
 * </pre>
 * An optional argument names another output folder. Everything is computed with {@link StrictMath},
 * whose results are the same on every JVM, so the files do not change from machine to machine.
 *
 * <p>The video is deliberately unlike {@link TestPattern}: shapes moving over a dark background, so a
 * picture received from a file source is recognisably "a file". Both clips loop without a seam: the
 * motion completes whole turns in 30 frames, and the chirp ends on a whole number of cycles.
 */
public final class MediaSampleGenerator {

    public static final String VIDEO_FILE = "moving-shapes-176x144.y4m";
    public static final String AUDIO_FILE = "chirp-48k-mono.wav";

    public static final int VIDEO_WIDTH = 176;
    public static final int VIDEO_HEIGHT = 144;
    public static final int VIDEO_FPS = 15;
    public static final int VIDEO_FRAMES = 30;

    public static final int AUDIO_RATE = 48_000;
    public static final int AUDIO_SECONDS = 2;
    public static final double CHIRP_FROM_HZ = 300;
    public static final double CHIRP_TO_HZ = 900;
    public static final double CHIRP_AMPLITUDE = 0.3;

    private static final int BALL_RGB = 0xFFD21E;
    private static final int SQUARE_RGB = 0xE0302A;
    private static final int TRIANGLE_RGB = 0x2EC45A;
    private static final int GRID_RGB = 0x3C5A78;

    private MediaSampleGenerator() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "media-samples");
        for (Path written : writeSamples(folder)) {
            try {
                System.out.println("wrote " + written + " (" + Files.size(written) + " bytes)");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes both samples into {@code folder}, creating it if needed, and returns their paths. */
    public static List<Path> writeSamples(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        Path video = folder.resolve(VIDEO_FILE);
        Path audio = folder.resolve(AUDIO_FILE);
        Y4mWriter.write(video, VIDEO_WIDTH, VIDEO_HEIGHT, VIDEO_FPS, 1, movingShapes());
        WavWriter.write(audio, AUDIO_RATE, 1, chirp());
        return List.of(video, audio);
    }

    /** The 30 I420 frames of the video sample. */
    public static List<byte[]> movingShapes() {
        List<byte[]> frames = new ArrayList<>(VIDEO_FRAMES);
        for (int frame = 0; frame < VIDEO_FRAMES; frame++) {
            frames.add(toI420(paint(frame), VIDEO_WIDTH, VIDEO_HEIGHT));
        }
        return frames;
    }

    /**
     * One frame as packed RGB: a vertical blue gradient with a scrolling grid, a green triangle
     * turning in place, a red square swinging left and right, and a yellow ball circling the middle.
     * The top rows are left plain: the frame marker overwrites them anyway.
     */
    static int[] paint(int frame) {
        int w = VIDEO_WIDTH;
        int h = VIDEO_HEIGHT;
        double turn = 2 * StrictMath.PI * frame / VIDEO_FRAMES;
        int gridShift = frame * 32 / VIDEO_FRAMES;
        int[] rgb = new int[w * h];

        double ballX = 88 + 50 * StrictMath.cos(turn);
        double ballY = 80 + 28 * StrictMath.sin(turn);
        double ballRadius = 16;
        double squareX = 76 + 56 * StrictMath.sin(turn);
        double squareY = 104;
        double squareSide = 24;
        double triangleX = 40;
        double triangleY = 60;
        double[][] triangle = new double[3][2];
        for (int k = 0; k < 3; k++) {
            double angle = turn / 3 + k * 2 * StrictMath.PI / 3;
            triangle[k][0] = triangleX + 22 * StrictMath.cos(angle);
            triangle[k][1] = triangleY + 22 * StrictMath.sin(angle);
        }

        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double px = x + 0.5;
                double py = y + 0.5;
                int color;
                if (StrictMath.hypot(px - ballX, py - ballY) <= ballRadius) {
                    color = BALL_RGB;
                } else if (px >= squareX && px < squareX + squareSide && py >= squareY && py < squareY + squareSide) {
                    color = SQUARE_RGB;
                } else if (inTriangle(px, py, triangle)) {
                    color = TRIANGLE_RGB;
                } else if (((x + gridShift) & 31) == 0 || (y & 31) == 0) {
                    color = GRID_RGB;
                } else {
                    int blue = 60 + 100 * y / h;
                    color = (10 << 16) | ((20 + 30 * y / h) << 8) | blue;
                }
                rgb[y * w + x] = color;
            }
        }
        return rgb;
    }

    private static boolean inTriangle(double px, double py, double[][] t) {
        double d1 = side(px, py, t[0], t[1]);
        double d2 = side(px, py, t[1], t[2]);
        double d3 = side(px, py, t[2], t[0]);
        boolean negative = d1 < 0 || d2 < 0 || d3 < 0;
        boolean positive = d1 > 0 || d2 > 0 || d3 > 0;
        return !(negative && positive);
    }

    private static double side(double px, double py, double[] a, double[] b) {
        return (px - b[0]) * (a[1] - b[1]) - (a[0] - b[0]) * (py - b[1]);
    }

    /** BT.601 studio-range conversion; chroma is the average of each 2x2 block. */
    static byte[] toI420(int[] rgb, int w, int h) {
        byte[] out = new byte[w * h * 3 / 2];
        for (int i = 0; i < w * h; i++) {
            int r = (rgb[i] >> 16) & 0xFF;
            int g = (rgb[i] >> 8) & 0xFF;
            int b = rgb[i] & 0xFF;
            out[i] = (byte) clamp(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
        }
        int chromaWidth = w / 2;
        int uOffset = w * h;
        int vOffset = uOffset + chromaWidth * (h / 2);
        for (int cy = 0; cy < h / 2; cy++) {
            for (int cx = 0; cx < chromaWidth; cx++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int pixel = rgb[(2 * cy + dy) * w + 2 * cx + dx];
                        r += ((pixel >> 16) & 0xFF) / 4.0;
                        g += ((pixel >> 8) & 0xFF) / 4.0;
                        b += (pixel & 0xFF) / 4.0;
                    }
                }
                out[uOffset + cy * chromaWidth + cx] = (byte) clamp(128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255);
                out[vOffset + cy * chromaWidth + cx] = (byte) clamp(128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255);
            }
        }
        return out;
    }

    private static int clamp(double value) {
        return (int) StrictMath.max(0, StrictMath.min(255, StrictMath.round(value)));
    }

    /**
     * The audio sample: a tone whose frequency rises linearly from 300 to 900 Hz over 2 s, at 0.3 of
     * full scale. Its phase is {@code 2π (f0 t + (f1 - f0) t² / 2T)}, which ends on a whole number of
     * cycles (1200), so the loop does not click.
     */
    public static short[] chirp() {
        int count = AUDIO_RATE * AUDIO_SECONDS;
        double scale = CHIRP_AMPLITUDE * 32_767;
        double sweep = (CHIRP_TO_HZ - CHIRP_FROM_HZ) / (2.0 * AUDIO_SECONDS);
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            double t = (double) i / AUDIO_RATE;
            double cycles = CHIRP_FROM_HZ * t + sweep * t * t;
            double fraction = cycles - StrictMath.floor(cycles);
            samples[i] = (short) StrictMath.round(scale * StrictMath.sin(2 * StrictMath.PI * fraction));
        }
        return samples;
    }
}
