package io.trtcsim.sdk;

import io.trtcsim.trtc.ConnectionState;

/** connection-state-changed: {prevState, state}. */
public record ConnectionStateChange(ConnectionState prevState, ConnectionState state) implements EventPayload {

    @Override
    public String toString() {
        return prevState + " -> " + state;
    }
}
