package io.trtcsim.harness;

/**
 * What a participant measures, and so what it costs the harness. Made with
 * {@link Participants#namedOrNew(String, ParticipantKind)}; {@link Participants#namedOrNew(String)}
 * is a FULL participant with a libwebrtc engine of its own, as a browser tab. The costs, measured,
 * are in docs/design.md ("Participant kinds").
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
     * Takes part in signaling only, with no media engine at all: joins, leaves, roles, room events
     * (peer-join, stream-added, ...) and how long calls take. No media is received or measured.
     */
    SIGNALING_ONLY
}
