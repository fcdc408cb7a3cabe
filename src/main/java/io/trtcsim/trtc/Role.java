package io.trtcsim.trtc;

import java.util.Arrays;
import java.util.Locale;

/** A participant's role in 'live' mode (join's {@code role}, switchRole): an anchor may publish, an audience member may not. */
public enum Role {
    ANCHOR, AUDIENCE;

    /** "anchor" or "audience", as join and switchRole take it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks up "anchor" or "audience"; anything else is INVALID_PARAMETER naming what was given. */
    public static Role named(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new RtcError(ErrorCode.INVALID_PARAMETER, "role '" + name + "' is neither 'anchor' nor 'audience'"));
    }

    @Override
    public String toString() {
        return wireName();
    }
}
