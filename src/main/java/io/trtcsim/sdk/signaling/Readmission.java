package io.trtcsim.sdk.signaling;

/** How a stack took a client back after a reconnection ({@link SignalingChannel#rejoin}). */
public enum Readmission {
    /**
     * The old membership moved to the new channel: the published stream, the downlinks and the
     * others' view of the user stayed, and nobody else heard of the outage.
     */
    RESUMED,
    /**
     * The user came in as a newcomer: the stack had already let the old membership go (its
     * published stream and downlinks included), so the client must publish and subscribe again.
     */
    ADMITTED_AFRESH
}
