package io.trtcsim.report;

import io.trtcsim.media.FrameImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Rendered pictures as PNG images for reports (I420, BT.601 limited range, to RGB). */
public final class FramePictures {

    private FramePictures() {
    }

    public static byte[] png(FrameImage image) {
        BufferedImage rgb = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        int chromaWidth = (image.width() + 1) / 2;
        for (int row = 0; row < image.height(); row++) {
            for (int col = 0; col < image.width(); col++) {
                int y = (image.y()[row * image.width() + col] & 0xFF) - 16;
                int chroma = (row / 2) * chromaWidth + col / 2;
                int u = (image.u()[chroma] & 0xFF) - 128;
                int v = (image.v()[chroma] & 0xFF) - 128;
                int r = clamp((298 * y + 409 * v + 128) >> 8);
                int g = clamp((298 * y - 100 * u - 208 * v + 128) >> 8);
                int b = clamp((298 * y + 516 * u + 128) >> 8);
                rgb.setRGB(col, row, (r << 16) | (g << 8) | b);
            }
        }
        return encode(rgb);
    }

    static byte[] encode(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG", e);
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
