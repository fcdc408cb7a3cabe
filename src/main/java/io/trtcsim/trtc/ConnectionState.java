package io.trtcsim.trtc;

/** States of the signaling connection, as connection-state-changed reports them. */
public enum ConnectionState {
    DISCONNECTED, CONNECTING, RECONNECTING, CONNECTED
}
