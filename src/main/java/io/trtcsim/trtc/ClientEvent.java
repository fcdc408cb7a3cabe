package io.trtcsim.trtc;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The Client events TRTC Web SDK v4 documents, by their exact names. */
public enum ClientEvent {
    STREAM_ADDED("stream-added"),
    STREAM_REMOVED("stream-removed"),
    STREAM_UPDATED("stream-updated"),
    STREAM_SUBSCRIBED("stream-subscribed"),
    CONNECTION_STATE_CHANGED("connection-state-changed"),
    PEER_JOIN("peer-join"),
    PEER_LEAVE("peer-leave"),
    MUTE_AUDIO("mute-audio"),
    UNMUTE_AUDIO("unmute-audio"),
    MUTE_VIDEO("mute-video"),
    UNMUTE_VIDEO("unmute-video"),
    CLIENT_BANNED("client-banned"),
    NETWORK_QUALITY("network-quality"),
    AUDIO_VOLUME("audio-volume"),
    ERROR("error");

    private final String eventName;

    ClientEvent(String eventName) {
        this.eventName = eventName;
    }

    /** The name as client.on(name, ...) takes it. */
    public String eventName() {
        return eventName;
    }

    /** Looks up a documented name; anything else is refused with the list of documented ones. */
    public static ClientEvent named(String name) {
        return Arrays.stream(values()).filter(e -> e.eventName.equals(name)).findFirst()
                .orElseThrow(() -> new RtcError(ErrorCode.INVALID_PARAMETER, "'" + name
                        + "' is not an event TRTC documents; documented client events: " + documentedNames()));
    }

    public static String documentedNames() {
        return Arrays.stream(values()).map(ClientEvent::eventName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return eventName;
    }
}
