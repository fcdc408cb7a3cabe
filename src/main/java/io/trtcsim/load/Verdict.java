package io.trtcsim.load;

import java.util.Locale;

/** A threshold against what was measured. */
public record Verdict(Threshold threshold, double measured, boolean met) {

    /** "met: --min-fps 14 (lowest stream frame rate 14.9 fps)". */
    public String describe() {
        String value = Double.isNaN(measured) ? "nothing measured" : String.format(Locale.ROOT, "%.1f", measured)
                + (threshold.criterion().unit().isEmpty() ? "" : " " + threshold.criterion().unit());
        return (met ? "met: " : "MISSED: ") + threshold + " (" + threshold.criterion().description() + " " + value + ")";
    }
}
