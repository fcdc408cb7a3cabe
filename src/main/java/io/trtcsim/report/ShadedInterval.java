package io.trtcsim.report;

/**
 * A stretch of a time plot to shade, such as a freeze or a network outage, in seconds on the
 * plot's own time axis. Intervals with the same label share one colour and one legend entry.
 */
public record ShadedInterval(double fromSeconds, double toSeconds, String label) {

    public ShadedInterval {
        if (!(toSeconds >= fromSeconds)) {
            throw new IllegalArgumentException("a shaded interval cannot end (" + toSeconds + " s) before it starts ("
                    + fromSeconds + " s)");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a shaded interval needs a label for the legend");
        }
    }
}
