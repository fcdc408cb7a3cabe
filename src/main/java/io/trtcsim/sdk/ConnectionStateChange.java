package io.trtcsim.sdk;

import io.trtcsim.trtc.ConnectionState;

/** connection-state-changed: {prevState, state}. */
public record ConnectionStateChange(ConnectionState prevState, ConnectionState state) implements EventPayload {

    @Override
    public String toString() {
        // As the journal has always shown an event's fields: TRTC's names, map-like.
        return "{prevState=" + prevState + ", state=" + state + "}";
    }
}
