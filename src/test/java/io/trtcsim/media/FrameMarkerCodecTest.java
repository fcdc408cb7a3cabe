package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FrameMarkerCodecTest {

    private static final long NOW = 1_767_225_600_123_456L; // 2026-01-01T00:00:00.123456Z
    private static final long WRAP = 1L << 48;

    private final FrameMarkerCodec codec = new FrameMarkerCodec(new MediaClock(NOW, () -> 0L));
    private final Random random = new Random(42);

    @ParameterizedTest(name = "{0}x{1} stride {2}")
    @CsvSource({
            "640, 360, 640",
            "320, 180, 320",
            "320, 180, 337",
            "112, 16, 113",
            "1280, 720, 1344",
    })
    void roundTrips(int width, int height, int stride) {
        ByteBuffer y = plane(stride, height);
        fillRandom(y);
        FrameMarker marker = new FrameMarker(123_456_789L, NOW - 15_000);

        codec.encode(marker, y, stride, width, height);

        assertThat(codec.decode(y, stride, width, height, NOW)).contains(marker);
    }

    @Test
    void roundTripsTheExtremeSequenceNumbers() {
        ByteBuffer y = plane(640, 360);
        for (long sequence : new long[] {0, 1, FrameMarker.MAX_SEQUENCE - 1, FrameMarker.MAX_SEQUENCE}) {
            FrameMarker marker = new FrameMarker(sequence, NOW);
            codec.encode(marker, y, 640, 640, 360);
            assertThat(codec.decode(y, 640, 640, 360, NOW)).contains(marker);
        }
    }

    @Test
    void decodesAgainstTheClockWhenNoReferenceIsGiven() {
        ByteBuffer y = plane(320, 180);
        FrameMarker marker = new FrameMarker(7, NOW - 20_000);
        codec.encode(marker, y, 320, 320, 180);

        assertThat(codec.decode(y, 320, 320, 180)).contains(marker);
    }

    @Test
    void writesOnlyTheBandAndLeavesThePositionAlone() {
        int stride = 337;
        ByteBuffer y = plane(stride, 180);
        y.put(0, (byte) 99); // overwritten by the band
        int belowBand = codec.bandHeight(320) * stride;
        y.put(belowBand, (byte) 77);
        int paddingInBand = 320; // first byte after the picture in row 0
        y.put(paddingInBand, (byte) 55);
        y.position(10);

        codec.encode(new FrameMarker(1, NOW), y, stride, 320, 180);
        codec.decode(y, stride, 320, 180, NOW);

        assertThat(y.position()).isEqualTo(10);
        assertThat(y.get(belowBand)).isEqualTo((byte) 77);
        assertThat(y.get(paddingInBand)).isEqualTo((byte) 55);
    }

    @Test
    void paintsTheWholeBandIncludingTheRightMargin() {
        ByteBuffer y = plane(640, 360);
        fillRandom(y);
        codec.encode(new FrameMarker(1, NOW), y, 640, 640, 360);

        int band = codec.bandHeight(640);
        for (int row = 0; row < band; row++) {
            for (int x = FrameMarkerCodec.COLS * codec.blockSize(640); x < 640; x++) {
                assertThat(y.get(row * 640 + x) & 0xFF).isEqualTo(FrameMarkerCodec.LUMA_ZERO);
            }
        }
    }

    @Test
    void bandGrowsWithTheWidth() {
        assertThat(codec.bandHeight(640)).isEqualTo(4 * 22);
        assertThat(codec.bandHeight(320)).isEqualTo(4 * 11);
        assertThat(codec.bandHeight(112)).isEqualTo(4 * 4);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"640, 360", "320, 180"})
    void survivesNoise(int width, int height) {
        ByteBuffer y = plane(width, height);
        FrameMarker marker = new FrameMarker(42, NOW - 30_000);
        codec.encode(marker, y, width, width, height);

        for (int i = 0; i < width * height; i++) {
            y.put(i, clamp((y.get(i) & 0xFF) + random.nextInt(81) - 40));
        }

        assertThat(codec.decode(y, width, width, height, NOW)).contains(marker);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"640, 360", "320, 180", "112, 16"})
    void survivesABoxBlur(int width, int height) {
        ByteBuffer y = plane(width, height);
        FrameMarker marker = new FrameMarker(4_000_000_000L, NOW - 30_000);
        codec.encode(marker, y, width, width, height);

        boxBlur2x2(y, width, width, height);

        assertThat(codec.decode(y, width, width, height, NOW)).contains(marker);
    }

    @ParameterizedTest(name = "block {0}")
    @MethodSource("allBlocks")
    void aFlippedBlockReadsAsNoMarkerRatherThanAWrongOne(int block) {
        int width = 320;
        int height = 180;
        ByteBuffer y = plane(width, height);
        codec.encode(new FrameMarker(0x1234_5678L, NOW), y, width, width, height);

        int size = codec.blockSize(width);
        int top = (block / FrameMarkerCodec.COLS) * size;
        int left = (block % FrameMarkerCodec.COLS) * size;
        for (int row = top; row < top + size; row++) {
            for (int x = left; x < left + size; x++) {
                int index = row * width + x;
                y.put(index, (byte) (255 - (y.get(index) & 0xFF)));
            }
        }

        assertThat(codec.decode(y, width, width, height, NOW)).isEmpty();
    }

    static IntStream allBlocks() {
        return IntStream.range(0, FrameMarkerCodec.BITS);
    }

    @Test
    void aPictureWithoutMarkerReadsAsEmpty() {
        ByteBuffer grey = plane(640, 360);
        for (int i = 0; i < 640 * 360; i++) {
            grey.put(i, (byte) 128);
        }
        ByteBuffer noise = plane(640, 360);
        fillRandom(noise);
        ByteBuffer black = plane(640, 360);

        assertThat(codec.decode(grey, 640, 640, 360, NOW)).isEmpty();
        assertThat(codec.decode(noise, 640, 640, 360, NOW)).isEmpty();
        assertThat(codec.decode(black, 640, 640, 360, NOW)).isEmpty();
    }

    @Test
    void aTestPatternWithoutMarkerReadsAsEmpty() {
        ByteBuffer y = plane(640, 360);
        ByteBuffer u = plane(320, 180);
        ByteBuffer v = plane(320, 180);
        TestPattern pattern = new TestPattern();
        for (int frame = 0; frame < 64; frame++) {
            pattern.paint(frame, y, 640, u, 320, v, 320, 640, 360, 0);
            assertThat(codec.decode(y, 640, 640, 360, NOW)).isEmpty();
        }
    }

    @Test
    void aPictureTooSmallForTheMarkerReadsAsEmpty() {
        assertThat(codec.decode(plane(100, 100), 100, 100, 100, NOW)).isEmpty();
        assertThat(codec.decode(plane(640, 80), 640, 640, 80, NOW)).isEmpty();
    }

    @Test
    void refusesAPictureTooNarrowForTheMarker() {
        assertThatThrownBy(() -> codec.encode(new FrameMarker(1, NOW), plane(100, 100), 100, 100, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width 100")
                .hasMessageContaining("112");
    }

    @Test
    void refusesAPictureLowerThanTheBand() {
        assertThatThrownBy(() -> codec.encode(new FrameMarker(1, NOW), plane(640, 80), 640, 640, 80))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("640x80")
                .hasMessageContaining("88 rows");
    }

    @Test
    void refusesAStrideSmallerThanTheWidthOrABufferTooSmall() {
        assertThatThrownBy(() -> codec.encode(new FrameMarker(1, NOW), plane(640, 360), 600, 640, 360))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stride 600");
        assertThatThrownBy(() -> codec.decode(ByteBuffer.allocate(1000), 640, 640, 360, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1000 bytes");
    }

    @Test
    void reconstructsACaptureTimeJustBeforeTheLow48BitsWrapped() {
        long beforeWrap = 6 * WRAP - 10;       // low 48 bits all but wrapped
        long receiverNow = 6 * WRAP + 5;        // the receiver's clock already wrapped
        ByteBuffer y = plane(320, 180);
        codec.encode(new FrameMarker(9, beforeWrap), y, 320, 320, 180);

        assertThat(codec.decode(y, 320, 320, 180, receiverNow)).contains(new FrameMarker(9, beforeWrap));
    }

    @Test
    void reconstructsACaptureTimeJustAfterTheLow48BitsWrapped() {
        long afterWrap = 6 * WRAP + 3;
        long receiverNow = 6 * WRAP - 2;        // receiver slightly behind the sender
        ByteBuffer y = plane(320, 180);
        codec.encode(new FrameMarker(9, afterWrap), y, 320, 320, 180);

        assertThat(codec.decode(y, 320, 320, 180, receiverNow)).contains(new FrameMarker(9, afterWrap));
    }

    @Test
    void picksTheNearestValueWithTheGivenLow48Bits() {
        long low48 = WRAP - 10;
        assertThat(FrameMarkerCodec.nearest(low48, 6 * WRAP + 5)).isEqualTo(6 * WRAP - 10);
        assertThat(FrameMarkerCodec.nearest(3, 6 * WRAP - 2)).isEqualTo(6 * WRAP + 3);
        assertThat(FrameMarkerCodec.nearest(NOW & (WRAP - 1), NOW + 1_000_000)).isEqualTo(NOW);
        assertThat(FrameMarkerCodec.nearest(NOW & (WRAP - 1), NOW - 1_000_000)).isEqualTo(NOW);
    }

    @Test
    void usesCrc16CcittFalse() {
        int crc = 0xFFFF;
        for (byte b : "123456789".getBytes(StandardCharsets.US_ASCII)) {
            crc = FrameMarkerCodec.crc16Update(crc, b);
        }
        assertThat(crc).isEqualTo(0x29B1); // the catalogued check value
    }

    @Test
    void aMarkerRejectsASequenceOutside32Bits() {
        assertThatThrownBy(() -> new FrameMarker(-1, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new FrameMarker(1L << 32, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodingIsCheapEnoughForEveryFrame() {
        ByteBuffer y = ByteBuffer.allocateDirect(640 * 360);
        codec.encode(new FrameMarker(1, NOW), y, 640, 640, 360);
        for (int i = 0; i < 2_000; i++) { // warm-up
            codec.encode(new FrameMarker(i, NOW), y, 640, 640, 360);
            codec.decode(y, 640, 640, 360, NOW);
        }
        int frames = 500;
        long start = System.nanoTime();
        Optional<FrameMarker> last = Optional.empty();
        for (int i = 0; i < frames; i++) {
            codec.encode(new FrameMarker(i, NOW), y, 640, 640, 360);
            last = codec.decode(y, 640, 640, 360, NOW);
        }
        long micros = (System.nanoTime() - start) / 1_000 / frames;

        assertThat(last).contains(new FrameMarker(frames - 1, NOW));
        assertThat(micros).as("encode + decode of a 640x360 frame, microseconds").isLessThan(1_000);
    }

    private static ByteBuffer plane(int stride, int height) {
        return ByteBuffer.allocate(stride * height);
    }

    private void fillRandom(ByteBuffer y) {
        for (int i = 0; i < y.limit(); i++) {
            y.put(i, (byte) random.nextInt(256));
        }
    }

    private static void boxBlur2x2(ByteBuffer y, int stride, int width, int height) {
        byte[] out = new byte[stride * height];
        for (int row = 0; row < height; row++) {
            int below = Math.min(row + 1, height - 1);
            for (int x = 0; x < width; x++) {
                int right = Math.min(x + 1, width - 1);
                int sum = (y.get(row * stride + x) & 0xFF) + (y.get(row * stride + right) & 0xFF)
                        + (y.get(below * stride + x) & 0xFF) + (y.get(below * stride + right) & 0xFF);
                out[row * stride + x] = (byte) ((sum + 2) / 4);
            }
        }
        y.put(0, out);
    }

    private static byte clamp(int luma) {
        return (byte) Math.max(0, Math.min(255, luma));
    }
}
