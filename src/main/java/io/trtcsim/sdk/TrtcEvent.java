package io.trtcsim.sdk;

import io.trtcsim.trtc.ClientEvent;
import java.util.Map;

/**
 * What a Client event handler receives, as TRTC's event object: {@code userId} for peer and mute
 * events, {@code stream} for stream events, other fields (state, reason, ...) in {@code details}.
 */
public record TrtcEvent(ClientEvent type, String userId, RemoteStream stream, Map<String, String> details) {

    public TrtcEvent {
        details = Map.copyOf(details);
    }

    public String detail(String key) {
        return details.get(key);
    }

    /**
     * For 'audio-volume': TRTC's {@code event.result} as userId → audioVolume (0..100), one entry per
     * stream measured; empty for other events.
     */
    public Map<String, Integer> audioVolumes() {
        return type == ClientEvent.AUDIO_VOLUME ? audioVolumes(details) : Map.of();
    }

    static Map<String, Integer> audioVolumes(Map<String, String> details) {
        Map<String, Integer> volumes = new java.util.TreeMap<>();
        details.forEach((userId, volume) -> volumes.put(userId, Integer.parseInt(volume)));
        return volumes;
    }
}
