package io.trtcsim.harness;

/**
 * What a participant is made to do, and so what it costs. A scenario of a few callers makes them
 * {@link #FULL}; one of thousands of listeners makes most of them {@link #SIGNALING_ONLY}, so that the
 * machine spends itself on the few that carry media.
 */
public enum ParticipantKind {

    /**
     * A browser tab in full: its own libwebrtc engine (made on first use), local streams it can
     * capture and publish, remote streams it can subscribe to, render and analyse. What
     * {@link Participants#namedOrNew(String)} makes.
     */
    FULL,

    /**
     * A tab that publishes and subscribes through libwebrtc and whose statistics (getStats) are read,
     * without analysing what it renders: cheaper than {@link #FULL} for many subscribers whose only
     * check is that media arrives. (Until its own handling lands, it is made as {@link #FULL}.)
     */
    STATS_ONLY,

    /**
     * Signaling only: it joins, leaves, switches role and hears the room's events (stream-added,
     * peer-join...), and never loads libwebrtc. Its clients share the scenario's threads with every
     * other participant's, so thousands cost a few hundred kilobytes each and no thread of their own.
     * Creating or publishing a local stream, or subscribing, fails with an error naming the
     * participant and saying it was created without media.
     */
    SIGNALING_ONLY
}
