package io.trtcsim.steps;

import io.trtcsim.trtc.MediaKind;
import java.util.EnumSet;
import java.util.Set;

/** Which tracks a created stream carries, as a feature says it. */
enum MediaChoice {
    AUDIO_AND_VIDEO(EnumSet.of(MediaKind.AUDIO, MediaKind.VIDEO)),
    AUDIO_ONLY(EnumSet.of(MediaKind.AUDIO)),
    VIDEO_ONLY(EnumSet.of(MediaKind.VIDEO));

    private final Set<MediaKind> tracks;

    MediaChoice(Set<MediaKind> tracks) {
        this.tracks = tracks;
    }

    Set<MediaKind> tracks() {
        return Set.copyOf(tracks);
    }
}
