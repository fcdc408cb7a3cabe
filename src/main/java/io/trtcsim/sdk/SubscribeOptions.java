package io.trtcsim.sdk;

import io.trtcsim.trtc.MediaKind;
import java.util.Set;

/** client.subscribe(stream, {audio, video}): which kinds of a remote stream to receive. */
public record SubscribeOptions(boolean audio, boolean video) {

    public static final SubscribeOptions BOTH = new SubscribeOptions(true, true);

    /** The kinds refused in the answer. */
    Set<MediaKind> refusedKinds() {
        return Set.copyOf(MediaKind.of(!audio, !video));
    }
}
