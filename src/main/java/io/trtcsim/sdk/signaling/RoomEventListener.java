package io.trtcsim.sdk.signaling;

/** Receives what a stack pushes to one client. Called on the channel's own thread, in order. */
public interface RoomEventListener {

    void onEvent(RoomEvent event);

    /** The signaling connection ended without the client closing it. */
    void onDisconnected(String reason);
}
