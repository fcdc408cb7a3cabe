package io.trtcsim.stack;

/**
 * A signaling and media stack that TRTC-style clients talk to: the embedded simulator, a simulator
 * elsewhere, and later Janus. One per scenario; closing it releases what it started.
 */
public interface Stack extends AutoCloseable {

    /** A short name for reports: "embedded", the URL of a remote one, ... */
    String name();

    StackSession openSession(StackListener listener);

    /** The app server's API of this stack (RemoveUser, DismissRoom), where it has one. */
    default java.util.Optional<ServerApi> serverApi() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
