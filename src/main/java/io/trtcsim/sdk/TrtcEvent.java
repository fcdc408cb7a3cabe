package io.trtcsim.sdk;

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
}
