package io.trtcsim.media;

/**
 * What a sender draws into each picture so that the receiver can tell which frame it got and when it
 * was captured. The frame timestamp cannot carry this: in webrtc-java 0.14.0 {@code CustomVideoSource}
 * stamps frames with its own clock.
 *
 * @param sequence     frame counter, an unsigned 32-bit value ({@code 0..MAX_SEQUENCE})
 * @param captureMicros capture time in epoch microseconds of the sender's {@link MediaClock}; only its
 *                     low 48 bits travel in the picture (about 8.9 years before they wrap)
 */
public record FrameMarker(long sequence, long captureMicros) {

    /** The largest sequence number; the sender wraps to 0 after it. */
    public static final long MAX_SEQUENCE = 0xFFFF_FFFFL;

    public FrameMarker {
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException(
                    "sequence must be an unsigned 32-bit value (0.." + MAX_SEQUENCE + "), got " + sequence);
        }
    }
}
