package io.trtcsim.network;

import java.util.Locale;

/** Which way packets travel on a participant's network: as TRTC's network-quality names the two. */
public enum Direction {
    /** From the participant to the stack: what it publishes, and its feedback on what it receives. */
    UPLINK,
    /** From the stack to the participant: what it receives, and the stack's feedback on what it publishes. */
    DOWNLINK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
