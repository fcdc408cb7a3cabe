package io.trtcsim.stack;

/** Receives what a stack pushes to one session. Called on the session's own thread, in order. */
public interface StackListener {

    void onEvent(StackEvent event);

    /** The signaling connection ended without the client closing it. */
    void onDisconnected(String reason);
}
