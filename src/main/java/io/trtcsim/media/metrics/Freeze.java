package io.trtcsim.media.metrics;

/**
 * A stretch in which the rendered picture did not change: from the arrival of the last frame
 * before it to the arrival of the frame that ended it (or to the end of the measured window, when
 * no frame ended it in time). Measured on the media clock, in microseconds.
 */
public record Freeze(long startMicros, long endMicros) {

    public Freeze {
        if (endMicros < startMicros) {
            throw new IllegalArgumentException("a freeze cannot end (" + endMicros + ") before it starts (" + startMicros + ")");
        }
    }

    public long durationMicros() {
        return endMicros - startMicros;
    }

    public double durationMillis() {
        return durationMicros() / 1000.0;
    }
}
