package io.trtcsim.sdk;

import java.util.HashSet;
import java.util.Set;

/** client.subscribe(stream, {audio, video}): which kinds of a remote stream to receive. */
public record SubscribeOptions(boolean audio, boolean video) {

    public static final SubscribeOptions BOTH = new SubscribeOptions(true, true);

    /** The kinds refused in the answer. */
    Set<String> refusedKinds() {
        Set<String> refused = new HashSet<>();
        if (!audio) {
            refused.add("audio");
        }
        if (!video) {
            refused.add("video");
        }
        return Set.copyOf(refused);
    }
}
