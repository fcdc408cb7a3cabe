package io.trtcsim.stack;

/**
 * A signaling and media stack that TRTC-style clients talk to: the embedded simulator, a simulator
 * elsewhere, and later Janus. One per scenario; closing it releases what it started.
 */
public interface Stack extends AutoCloseable {

    /** A short name for reports: "embedded", the URL of a remote one, ... */
    String name();

    StackSession openSession(StackListener listener);

    /** The documented behaviours this stack has; the reference simulator has them all. */
    default java.util.Set<Capability> capabilities() {
        return java.util.EnumSet.allOf(Capability.class);
    }

    /** The app server's API of this stack (RemoveUser, DismissRoom), where it has one. */
    default java.util.Optional<ServerApi> serverApi() {
        return java.util.Optional.empty();
    }

    /** The stack's own view of its rooms, for reports, where it can tell. */
    default java.util.Optional<String> describeRooms() {
        return java.util.Optional.empty();
    }

    /** The stack's log lines about a room, for the report of a failed scenario, where it keeps them. */
    default java.util.List<String> logLines(long roomId) {
        return java.util.List.of();
    }

    @Override
    void close();
}
