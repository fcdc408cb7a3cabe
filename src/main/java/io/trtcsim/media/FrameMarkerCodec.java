package io.trtcsim.media;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * Draws a {@link FrameMarker} into the luma plane of an I420 picture and reads it back after the
 * picture went through VP8.
 *
 * <p>The marker is a band across the top of the picture: {@value #ROWS} rows of {@value #COLS} square
 * blocks, each block a bit, full of luma {@value #LUMA_ONE} (1) or {@value #LUMA_ZERO} (0). Blocks are
 * {@code max(4, width / COLS)} pixels wide and high: large flat blocks with a wide contrast survive
 * lossy coding, and the reader only looks at the central half of each block, away from the edges that
 * the codec blurs. The band's pixels right of the last block column are painted {@value #LUMA_ZERO} so
 * the whole band is defined and the painter can skip {@link #bandHeight(int)} rows.
 *
 * <p>The {@value #BITS} bits, most significant first, row-major: the magic {@code 0xA5C3} (16 bits),
 * the sequence (32), the low 48 bits of the capture time and a CRC-16/CCITT-FALSE over the preceding
 * 12 bytes (16). The magic makes a picture without a marker fail fast; the CRC turns a damaged marker
 * into "no marker" rather than a wrong frame number or latency.
 *
 * <p>Planes start at index 0 of their buffer and rows are {@code stride} bytes apart; the codec uses
 * absolute gets and puts only, so the buffer's position and limit are never changed. Stateless apart
 * from its clock, thread-safe, and it allocates nothing per frame besides the decoded record.
 */
public final class FrameMarkerCodec {

    public static final int ROWS = 4;
    public static final int COLS = 28;
    public static final int BITS = ROWS * COLS;
    public static final int MIN_BLOCK_SIZE = 4;
    /** The narrowest picture that can hold the marker. */
    public static final int MIN_WIDTH = COLS * MIN_BLOCK_SIZE;
    public static final int LUMA_ONE = 235;
    public static final int LUMA_ZERO = 16;
    public static final int MAGIC = 0xA5C3;

    private static final int THRESHOLD = 128;
    private static final long LOW_48_MASK = (1L << 48) - 1;
    private static final long WRAP_48 = 1L << 48;
    private static final int CRC_INIT = 0xFFFF;
    private static final int CRC_POLY = 0x1021;

    private final MediaClock clock;

    /** A codec whose {@link #decode(ByteBuffer, int, int, int)} reads capture times against {@code clock}. */
    public FrameMarkerCodec(MediaClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A codec that reads capture times against {@link MediaClock#system()}. */
    public FrameMarkerCodec() {
        this(MediaClock.system());
    }

    /**
     * Side of one block in pixels for a picture of this width.
     *
     * @throws IllegalArgumentException if the width is below {@value #MIN_WIDTH}
     */
    public int blockSize(int width) {
        return blockSizeFor(width);
    }

    /**
     * Number of rows at the top of the luma plane that {@link #encode} writes, and a painter must skip.
     *
     * @throws IllegalArgumentException if the width is below {@value #MIN_WIDTH}
     */
    public int bandHeight(int width) {
        return ROWS * blockSizeFor(width);
    }

    /**
     * Writes the marker band into the top rows of the luma plane.
     *
     * @throws IllegalArgumentException if the picture is narrower than {@value #MIN_WIDTH} pixels or
     *                                  lower than the band, or the buffer is too small for the band
     */
    public void encode(FrameMarker marker, ByteBuffer y, int strideY, int width, int height) {
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(y, "y");
        int block = blockSizeFor(width);
        int band = ROWS * block;
        if (band > height) {
            throw new IllegalArgumentException("picture " + width + "x" + height + " is too small for the frame marker: "
                    + "the band is " + band + " rows high at width " + width);
        }
        requireLayout(y, strideY, width, band);

        long micros48 = marker.captureMicros() & LOW_48_MASK;
        long hi = ((long) MAGIC << 48) | (marker.sequence() << 16) | (micros48 >>> 32);
        long payloadLow32 = micros48 & 0xFFFF_FFFFL;
        int crc = crc16(hi, payloadLow32);
        long lo = (payloadLow32 << 16) | crc;

        int bandWidth = COLS * block;
        byte one = (byte) LUMA_ONE;
        byte zero = (byte) LUMA_ZERO;
        for (int row = 0; row < band; row++) {
            int rowStart = row * strideY;
            int firstBit = (row / block) * COLS;
            for (int col = 0; col < COLS; col++) {
                byte value = bit(hi, lo, firstBit + col) != 0 ? one : zero;
                int from = rowStart + col * block;
                for (int i = from, end = from + block; i < end; i++) {
                    y.put(i, value);
                }
            }
            for (int i = rowStart + bandWidth, end = rowStart + width; i < end; i++) {
                y.put(i, zero);
            }
        }
    }

    /** Reads the marker, resolving the capture time against this codec's clock. */
    public Optional<FrameMarker> decode(ByteBuffer y, int strideY, int width, int height) {
        return decode(y, strideY, width, height, clock.nowMicros());
    }

    /**
     * Reads the marker.
     *
     * @param referenceMicros the receiver's current time; of all times with the transmitted low 48 bits,
     *                        the one nearest to it is returned, so a wrap of those bits is handled
     * @return the marker, or empty if the picture has none, is too small for one, or it is damaged
     */
    public Optional<FrameMarker> decode(ByteBuffer y, int strideY, int width, int height, long referenceMicros) {
        Objects.requireNonNull(y, "y");
        if (width < MIN_WIDTH) {
            return Optional.empty();
        }
        int block = blockSizeFor(width);
        int band = ROWS * block;
        if (band > height) {
            return Optional.empty();
        }
        requireLayout(y, strideY, width, band);

        int sampleSize = Math.max(1, block / 2);
        int sampleOffset = (block - sampleSize) / 2;
        int threshold = THRESHOLD * sampleSize * sampleSize;

        long hi = 0;
        long lo = 0;
        for (int index = 0; index < BITS; index++) {
            int top = (index / COLS) * block + sampleOffset;
            int left = (index % COLS) * block + sampleOffset;
            int sum = 0;
            for (int row = top, rowEnd = top + sampleSize; row < rowEnd; row++) {
                int rowStart = row * strideY;
                for (int i = rowStart + left, end = rowStart + left + sampleSize; i < end; i++) {
                    sum += y.get(i) & 0xFF;
                }
            }
            int bit = sum >= threshold ? 1 : 0;
            if (index < Long.SIZE) {
                hi = (hi << 1) | bit;
            } else {
                lo = (lo << 1) | bit;
            }
            if (index == 15 && hi != MAGIC) {
                return Optional.empty();
            }
        }

        long payloadLow32 = lo >>> 16;
        if (crc16(hi, payloadLow32) != (int) (lo & 0xFFFF)) {
            return Optional.empty();
        }
        long sequence = (hi >>> 16) & 0xFFFF_FFFFL;
        long micros48 = ((hi & 0xFFFF) << 32) | payloadLow32;
        return Optional.of(new FrameMarker(sequence, nearest(micros48, referenceMicros)));
    }

    /** The value nearest to {@code referenceMicros} whose low 48 bits are {@code micros48}. */
    static long nearest(long micros48, long referenceMicros) {
        long candidate = (referenceMicros & ~LOW_48_MASK) | micros48;
        long difference = candidate - referenceMicros;
        if (difference > WRAP_48 / 2) {
            return candidate - WRAP_48;
        }
        if (difference < -WRAP_48 / 2) {
            return candidate + WRAP_48;
        }
        return candidate;
    }

    /** Bit {@code index} of the 112: the first 64 are in {@code hi}, the last 48 in {@code lo}. */
    private static int bit(long hi, long lo, int index) {
        return index < Long.SIZE
                ? (int) (hi >>> (Long.SIZE - 1 - index)) & 1
                : (int) (lo >>> (BITS - 1 - index)) & 1;
    }

    /** CRC over the 12 payload bytes: the 8 bytes of {@code hi}, then the 4 of {@code low32}. */
    private static int crc16(long hi, long low32) {
        int crc = CRC_INIT;
        for (int shift = 56; shift >= 0; shift -= 8) {
            crc = crc16Update(crc, (int) (hi >>> shift) & 0xFF);
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            crc = crc16Update(crc, (int) (low32 >>> shift) & 0xFF);
        }
        return crc;
    }

    /** One byte of CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, not reflected, no final xor). */
    static int crc16Update(int crc, int value) {
        crc ^= value << 8;
        for (int i = 0; i < 8; i++) {
            crc = (crc & 0x8000) != 0 ? (crc << 1) ^ CRC_POLY : crc << 1;
        }
        return crc & 0xFFFF;
    }

    private static int blockSizeFor(int width) {
        requireWideEnough(width);
        return Math.max(MIN_BLOCK_SIZE, width / COLS);
    }

    private static void requireWideEnough(int width) {
        if (width < MIN_WIDTH) {
            throw new IllegalArgumentException("picture width " + width + " is too small for the frame marker: "
                    + "it needs at least " + MIN_WIDTH + " pixels (" + COLS + " blocks of " + MIN_BLOCK_SIZE + ")");
        }
    }

    private static void requireLayout(ByteBuffer y, int strideY, int width, int rows) {
        if (strideY < width) {
            throw new IllegalArgumentException("luma stride " + strideY + " is smaller than the width " + width);
        }
        long needed = (long) (rows - 1) * strideY + width;
        if (y.limit() < needed) {
            throw new IllegalArgumentException("luma buffer holds " + y.limit() + " bytes but the marker band needs "
                    + needed + " (" + rows + " rows of stride " + strideY + ")");
        }
    }
}
