package io.trtcsim.harness;

/**
 * What a participant measures, and so what it costs the harness. A scenario of a few callers makes
 * them {@link #FULL} with engines of their own ({@link Participants#namedOrNew(String)}); an audience
 * is made with {@link Participants#namedOrNew(String, ParticipantKind)}: receive-only FULL or
 * STATS_ONLY members on the scenario's shared engine, or SIGNALING_ONLY members with none. The
 * costs, measured, are in docs/design.md ("Participant kinds") and docs/measurements.md.
 */
public enum ParticipantKind {

    /**
     * Renders every frame and every 10 ms of audio into sinks: frames rendered, frame rate, freezes,
     * resolution, video latency from the picture markers, lost and repeated frames, the first frame
     * after subscribing, audio latency from the audio markers, audible audio, audio gaps and levels,
     * plus everything libwebrtc's statistics and the SDK's events give.
     */
    FULL,

    /**
     * Subscribes and decodes like a FULL participant but attaches no sink: nothing of a frame or
     * audio chunk crosses into Java. Measures from libwebrtc's statistics (getStats inbound-rtp):
     * frames decoded, frame rate, freezes (libwebrtc's count), resolution, bitrate, packets lost,
     * plus the SDK's events. Not latency, lost or repeated frames, the first frame's arrival, or
     * anything of audio but its statistics: those need the markers a sink reads.
     */
    STATS_ONLY,

    /**
     * Signaling only: it joins, leaves, switches role and hears the room's events (stream-added,
     * peer-join...), and never loads libwebrtc. Its clients share the scenario's threads with every
     * other participant's, so thousands cost a few tens of kilobytes each and no thread of their own.
     * Creating or publishing a local stream, or subscribing, fails with an error naming the
     * participant and saying it was created without media.
     */
    SIGNALING_ONLY
}
