package io.trtcsim.trtc;

import java.util.Arrays;
import java.util.Locale;

/** The two kinds of media a TRTC stream carries, named as WebRTC and TRTC's API name them. */
public enum MediaKind {
    AUDIO, VIDEO;

    /** "audio" or "video", as in a track's kind, an SDP m-line and TRTC's options objects. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks up "audio" or "video"; anything else is INVALID_PARAMETER naming what was given. */
    public static MediaKind named(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new RtcError(ErrorCode.INVALID_PARAMETER,
                        "kind '" + name + "' is neither 'audio' nor 'video'"));
    }

    @Override
    public String toString() {
        return wireName();
    }
}
