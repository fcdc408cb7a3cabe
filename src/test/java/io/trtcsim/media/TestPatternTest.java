package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class TestPatternTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;

    private final TestPattern pattern = new TestPattern();
    private final FrameMarkerCodec codec = new FrameMarkerCodec(new MediaClock(0, () -> 0L));

    @Test
    void leavesTheMarkerBandAlone() {
        Frame frame = new Frame(WIDTH, HEIGHT, WIDTH + 32);
        FrameMarker marker = new FrameMarker(17, 1_000_000);
        codec.encode(marker, frame.y, frame.strideY, WIDTH, HEIGHT);

        pattern.paint(3, frame.y, frame.strideY, frame.u, frame.strideC, frame.v, frame.strideC,
                WIDTH, HEIGHT, codec.bandHeight(WIDTH));

        assertThat(codec.decode(frame.y, frame.strideY, WIDTH, HEIGHT, 1_000_000)).contains(marker);
    }

    @Test
    void movesFromFrameToFrame() {
        Frame first = new Frame(WIDTH, HEIGHT, WIDTH);
        Frame second = new Frame(WIDTH, HEIGHT, WIDTH);
        int band = codec.bandHeight(WIDTH);

        first.paint(pattern, 10, band);
        second.paint(pattern, 11, band);

        assertThat(first.y.array()).isNotEqualTo(second.y.array());
        assertThat(first.u.array()).isNotEqualTo(second.u.array());
        assertThat(first.v.array()).isNotEqualTo(second.v.array());
    }

    @Test
    void fillsEveryPixelOutsideTheBandAndNoPadding() {
        int stride = WIDTH + 16;
        Frame frame = new Frame(WIDTH, HEIGHT, stride);
        frame.fill((byte) 1);
        int band = codec.bandHeight(WIDTH);

        frame.paint(pattern, 5, band);

        for (int row = 0; row < HEIGHT; row++) {
            for (int x = 0; x < stride; x++) {
                byte value = frame.y.get(row * stride + x);
                if (row >= band && x < WIDTH) {
                    assertThat(value).as("Y %d,%d", x, row).isNotEqualTo((byte) 1);
                } else {
                    assertThat(value).as("Y %d,%d", x, row).isEqualTo((byte) 1);
                }
            }
        }
        int chromaStride = frame.strideC;
        for (int row = 0; row < HEIGHT / 2; row++) {
            for (int x = 0; x < chromaStride; x++) {
                boolean inPicture = x < WIDTH / 2;
                assertThat(frame.u.get(row * chromaStride + x) != 1).as("U %d,%d", x, row).isEqualTo(inPicture);
                assertThat(frame.v.get(row * chromaStride + x) != 1).as("V %d,%d", x, row).isEqualTo(inPicture);
            }
        }
        assertThat(frame.u.get(0) & 0xFF).as("chroma under the band").isEqualTo(128);
    }

    @Test
    void handlesOddSizesAndWiderPicturesLater() {
        Frame small = new Frame(113, 71, 120);
        small.paint(pattern, Long.MAX_VALUE, 16);
        Frame wide = new Frame(1921, 1081, 1921);
        wide.paint(pattern, -3, 0);
        Frame smallAgain = new Frame(113, 71, 113);
        smallAgain.paint(pattern, 0, 71);
    }

    @Test
    void refusesInconsistentPlanes() {
        Frame frame = new Frame(WIDTH, HEIGHT, WIDTH);
        assertThatThrownBy(() -> pattern.paint(0, frame.y, WIDTH - 1, frame.u, WIDTH / 2, frame.v, WIDTH / 2,
                WIDTH, HEIGHT, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Y stride 639");
        assertThatThrownBy(() -> pattern.paint(0, frame.y, WIDTH, frame.u, WIDTH / 2, frame.v, WIDTH / 2,
                WIDTH, HEIGHT + 2, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Y buffer");
        assertThatThrownBy(() -> pattern.paint(0, frame.y, WIDTH, frame.u, WIDTH / 2, frame.v, WIDTH / 2,
                WIDTH, HEIGHT, HEIGHT + 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("skipTopRows");
    }

    @Test
    void paintsA640x360FrameInWellUnderAMillisecond() {
        int stride = WIDTH;
        ByteBuffer y = ByteBuffer.allocateDirect(stride * HEIGHT);
        ByteBuffer u = ByteBuffer.allocateDirect(stride / 2 * HEIGHT / 2);
        ByteBuffer v = ByteBuffer.allocateDirect(stride / 2 * HEIGHT / 2);
        int band = codec.bandHeight(WIDTH);
        for (int i = 0; i < 3_000; i++) {
            pattern.paint(i, y, stride, u, stride / 2, v, stride / 2, WIDTH, HEIGHT, band);
        }
        int frames = 1_000;
        long start = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            pattern.paint(i, y, stride, u, stride / 2, v, stride / 2, WIDTH, HEIGHT, band);
        }
        long micros = (System.nanoTime() - start) / 1_000 / frames;

        assertThat(micros).as("microseconds per 640x360 frame").isLessThan(500);
    }

    /** An I420 picture in heap buffers with explicit strides. */
    private static final class Frame {
        final int width;
        final int height;
        final int strideY;
        final int strideC;
        final ByteBuffer y;
        final ByteBuffer u;
        final ByteBuffer v;

        Frame(int width, int height, int strideY) {
            this.width = width;
            this.height = height;
            this.strideY = strideY;
            this.strideC = (strideY + 1) / 2;
            this.y = ByteBuffer.allocate(strideY * height);
            this.u = ByteBuffer.allocate(strideC * ((height + 1) / 2));
            this.v = ByteBuffer.allocate(strideC * ((height + 1) / 2));
        }

        void paint(TestPattern pattern, long frameNumber, int skipTopRows) {
            pattern.paint(frameNumber, y, strideY, u, strideC, v, strideC, width, height, skipTopRows);
        }

        void fill(byte value) {
            for (ByteBuffer plane : new ByteBuffer[] {y, u, v}) {
                for (int i = 0; i < plane.limit(); i++) {
                    plane.put(i, value);
                }
            }
        }
    }
}
