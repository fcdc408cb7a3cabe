package io.trtcsim.sdk;

import io.trtcsim.trtc.MediaKind;
import java.util.EnumSet;
import java.util.Set;

/** client.subscribe(stream, {audio, video}): which kinds of a remote stream to receive. */
public record SubscribeOptions(boolean audio, boolean video) {

    public static final SubscribeOptions BOTH = new SubscribeOptions(true, true);

    /** The kinds refused in the answer. */
    Set<MediaKind> refusedKinds() {
        Set<MediaKind> refused = EnumSet.noneOf(MediaKind.class);
        if (!audio) {
            refused.add(MediaKind.AUDIO);
        }
        if (!video) {
            refused.add(MediaKind.VIDEO);
        }
        return Set.copyOf(refused);
    }
}
