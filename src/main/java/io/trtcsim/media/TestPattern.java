package io.trtcsim.media;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Paints a moving picture into an I420 frame so that the encoder has motion to encode: a diagonal
 * luma gradient that shifts every frame, a bright vertical bar that sweeps across, and slowly moving
 * chroma gradients. The top {@code skipTopRows} luma rows are left alone for the {@link FrameMarkerCodec}
 * band; the chroma under them is neutral grey so the band stays black and white.
 *
 * <p>Every row is one or two bulk copies from precomputed periodic ramps, so a 640x360 frame costs a
 * few tens of microseconds. Planes start at index 0 of their buffer; only absolute puts are used, so
 * positions and limits are never changed. Thread-safe: the ramps are immutable once built.
 */
public final class TestPattern {

    private static final int PERIOD = 256;
    private static final int LUMA_SHIFT_PER_FRAME = 4;
    private static final int CHROMA_SHIFT_PER_FRAME = 2;
    private static final int BAR_STEP_PER_FRAME = 6;
    private static final int BAR_LUMA = 235;
    private static final int NEUTRAL_CHROMA = 128;

    /** Ramps long enough for one row starting anywhere in the period; replaced when a wider picture comes. */
    private volatile Ramps ramps = new Ramps(640);

    /**
     * Paints frame {@code frameNumber}.
     *
     * @param skipTopRows luma rows at the top to leave untouched, usually {@link FrameMarkerCodec#bandHeight(int)}
     */
    public void paint(long frameNumber,
                      ByteBuffer y, int strideY,
                      ByteBuffer u, int strideU,
                      ByteBuffer v, int strideV,
                      int width, int height, int skipTopRows) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(v, "v");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("picture size must be positive, got " + width + "x" + height);
        }
        if (skipTopRows < 0 || skipTopRows > height) {
            throw new IllegalArgumentException("skipTopRows must be within 0.." + height + ", got " + skipTopRows);
        }
        int chromaWidth = (width + 1) / 2;
        int chromaHeight = (height + 1) / 2;
        requirePlane("Y", y, strideY, width, height);
        requirePlane("U", u, strideU, chromaWidth, chromaHeight);
        requirePlane("V", v, strideV, chromaWidth, chromaHeight);

        Ramps r = rampsFor(width);
        int phase = (int) (frameNumber & (PERIOD - 1));

        int lumaShift = (phase * LUMA_SHIFT_PER_FRAME) & (PERIOD - 1);
        int barWidth = Math.max(8, width / 20);
        int barStart = (int) Math.floorMod(frameNumber * BAR_STEP_PER_FRAME, (long) width);
        int barLength = Math.min(barWidth, width - barStart);
        for (int row = skipTopRows; row < height; row++) {
            int rowStart = row * strideY;
            y.put(rowStart, r.luma, (row + lumaShift) & (PERIOD - 1), width);
            y.put(rowStart + barStart, r.bar, 0, barLength);
        }

        int chromaShift = (phase * CHROMA_SHIFT_PER_FRAME) & (PERIOD - 1);
        int neutralRows = Math.min(skipTopRows / 2, chromaHeight);
        for (int row = 0; row < chromaHeight; row++) {
            int uStart = row * strideU;
            int vStart = row * strideV;
            if (row < neutralRows) {
                u.put(uStart, r.neutral, 0, chromaWidth);
                v.put(vStart, r.neutral, 0, chromaWidth);
            } else {
                u.put(uStart, r.chroma, (chromaShift + row) & (PERIOD - 1), chromaWidth);
                v.put(vStart, r.chroma, (PERIOD - chromaShift + 2 * row) & (PERIOD - 1), chromaWidth);
            }
        }
    }

    private Ramps rampsFor(int width) {
        Ramps current = ramps;
        if (current.width < width) {
            // A benign race: two threads may both build ramps; either result is correct.
            current = new Ramps(width);
            ramps = current;
        }
        return current;
    }

    private static void requirePlane(String name, ByteBuffer plane, int stride, int planeWidth, int planeHeight) {
        if (stride < planeWidth) {
            throw new IllegalArgumentException(name + " stride " + stride + " is smaller than the plane width " + planeWidth);
        }
        long needed = (long) (planeHeight - 1) * stride + planeWidth;
        if (plane.limit() < needed) {
            throw new IllegalArgumentException(name + " buffer holds " + plane.limit() + " bytes but a "
                    + planeWidth + "x" + planeHeight + " plane of stride " + stride + " needs " + needed);
        }
    }

    /** Periodic triangle ramps, {@code PERIOD + width} long so a row can start at any phase. */
    private static final class Ramps {
        final int width;
        final byte[] luma;
        final byte[] chroma;
        final byte[] bar;
        final byte[] neutral;

        Ramps(int width) {
            this.width = width;
            int length = PERIOD + width;
            luma = new byte[length];
            chroma = new byte[length];
            for (int i = 0; i < length; i++) {
                int triangle = Math.abs((i & (PERIOD - 1)) - PERIOD / 2); // 0..128, no jump at the period
                luma[i] = (byte) (32 + triangle * 3 / 2);                 // 32..224
                chroma[i] = (byte) (NEUTRAL_CHROMA - 48 + triangle * 3 / 4); // 80..176
            }
            bar = new byte[width];
            Arrays.fill(bar, (byte) BAR_LUMA);
            neutral = new byte[(width + 1) / 2];
            Arrays.fill(neutral, (byte) NEUTRAL_CHROMA);
        }
    }
}
