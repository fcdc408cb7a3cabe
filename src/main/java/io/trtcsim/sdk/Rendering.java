package io.trtcsim.sdk;

/**
 * What a TRTC instance does with the media of the remote streams it subscribed to. A page that
 * never plays a stream still receives and decodes it (libwebrtc decodes whether a sink is attached
 * or not); what changes is whether every frame and audio chunk also crosses into Java.
 */
public enum Rendering {

    /**
     * Remote tracks get sinks when they appear, and play(elementId) renders into sinks that read
     * every frame (its marker: sequence, capture time) and every 10 ms of audio. What TRTC's web
     * page does with a video element, and what latency needs.
     */
    FRAMES,

    /**
     * No sink is ever attached to a remote track: webrtc-java makes no Java copy of any frame or
     * audio chunk. play(elementId) renders nothing; what arrived is known from getStats() alone.
     */
    NONE
}
