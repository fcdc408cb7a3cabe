package io.trtcsim.trtc;

import java.util.Arrays;
import java.util.Locale;

/** TRTC.createClient's {@code mode}: 'rtc' (a call) or 'live' (interactive live streaming with roles). */
public enum Mode {
    RTC, LIVE;

    /** "rtc" or "live", as createClient and the join message take it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks up "rtc" or "live"; anything else is INVALID_PARAMETER, as createClient refuses it. */
    public static Mode named(String name) {
        return Arrays.stream(values()).filter(mode -> mode.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new RtcError(ErrorCode.INVALID_PARAMETER, "mode '" + name + "' is neither 'rtc' nor 'live'"));
    }

    @Override
    public String toString() {
        return wireName();
    }
}
