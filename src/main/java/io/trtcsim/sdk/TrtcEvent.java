package io.trtcsim.sdk;

import io.trtcsim.trtc.BanReason;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.RtcError;
import java.util.Map;
import java.util.Optional;

/**
 * What a Client event handler receives, as TRTC's event object: {@code userId} for peer and mute
 * events, {@code stream} for stream events, and the event's own fields as a typed {@link EventPayload}.
 */
public record TrtcEvent(ClientEvent type, String userId, RemoteStream stream, EventPayload payload) {

    /** For 'audio-volume': userId → audioVolume (0..100); empty for other events. */
    public Map<String, Integer> audioVolumes() {
        return payload instanceof AudioVolumes volumes ? volumes.result() : Map.of();
    }

    /** For 'network-quality': the qualities reported. */
    public Optional<NetworkQuality> networkQuality() {
        return payload instanceof NetworkQuality quality ? Optional.of(quality) : Optional.empty();
    }

    /** For 'connection-state-changed': the states before and after. */
    public Optional<ConnectionStateChange> stateChange() {
        return payload instanceof ConnectionStateChange change ? Optional.of(change) : Optional.empty();
    }

    /** For 'client-banned': the documented reason ('kick', 'banned', 'room-disband'), if the stack gave one. */
    public Optional<BanReason> banReason() {
        return payload instanceof BanNotice ban ? ban.reason() : Optional.empty();
    }

    /** For 'client-banned': the stack's message, if any. */
    public Optional<String> banMessage() {
        return payload instanceof BanNotice ban ? ban.message() : Optional.empty();
    }

    /** For 'error': the RtcError, with TRTC's code. */
    public Optional<RtcError> error() {
        return payload instanceof ErrorNotice notice ? Optional.of(notice.error()) : Optional.empty();
    }
}
