package io.trtcsim.trtc;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

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

    /** The kinds whose flag is set, as TRTC's {audio, video} options and the wire's flags give them. */
    public static Set<MediaKind> of(boolean audio, boolean video) {
        Set<MediaKind> kinds = EnumSet.noneOf(MediaKind.class);
        if (audio) {
            kinds.add(AUDIO);
        }
        if (video) {
            kinds.add(VIDEO);
        }
        return kinds;
    }

    @Override
    public String toString() {
        return wireName();
    }
}
