package io.trtcsim.trtc;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up one of a set of named values (profiles, stream types) as TRTC's API takes them: by its exact name. */
final class Presets {

    private Presets() {
    }

    /** The preset called {@code given}; INVALID_PARAMETER naming it and every known name otherwise. */
    static <E> E named(E[] presets, Function<E, String> trtcName, String what, String given) {
        return Arrays.stream(presets).filter(preset -> trtcName.apply(preset).equals(given)).findFirst()
                .orElseThrow(() -> new RtcError(ErrorCode.INVALID_PARAMETER, what + " '" + given + "' is not one of "
                        + Arrays.stream(presets).map(trtcName).collect(Collectors.joining(", "))));
    }
}
