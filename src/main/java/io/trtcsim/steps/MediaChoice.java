package io.trtcsim.steps;

import io.trtcsim.trtc.MediaKind;
import java.util.Set;

/** Which tracks a created stream carries, as a feature says it. */
enum MediaChoice {
    AUDIO_AND_VIDEO(MediaKind.of(true, true)),
    AUDIO_ONLY(MediaKind.of(true, false)),
    VIDEO_ONLY(MediaKind.of(false, true));

    private final Set<MediaKind> tracks;

    MediaChoice(Set<MediaKind> tracks) {
        this.tracks = tracks;
    }

    Set<MediaKind> tracks() {
        return Set.copyOf(tracks);
    }
}
