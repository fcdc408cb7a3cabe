package io.trtcsim.stack;

import io.trtcsim.sdk.signaling.Signaling;
import io.trtcsim.trtc.RoomId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The harness's view of a signaling and media stack: the SDK's port ({@link Signaling}) that its
 * participants talk through, plus what only the harness asks of a stack: its capabilities, the app
 * server's API, its view of the rooms and its logs. One per scenario; closing it releases what it
 * started.
 */
public interface Stack extends Signaling, AutoCloseable {

    /** A short name for reports: "embedded", the URL of a remote one, ... */
    String name();

    /** The documented behaviours this stack has; the reference simulator has them all. */
    default Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    /** Why this stack lacks a capability, for the 'not supported' report: by default, that it has none. */
    default String whyNot(Capability missing) {
        return "it has no " + missing.description();
    }

    /** The app server's API of this stack (RemoveUser, DismissRoom), where it has one. */
    default Optional<ServerApi> serverApi() {
        return Optional.empty();
    }

    /** The stack's shaping of participants' packets in user space, where it has one (the simulator's SFU). */
    default Optional<NetworkEmulation> networkEmulation() {
        return Optional.empty();
    }

    /** The stack's own view of its rooms, for reports, where it can tell. */
    default Optional<String> describeRooms() {
        return Optional.empty();
    }

    /** The stack's log lines about a room, for the report of a failed scenario, where it keeps them. */
    default List<String> logLines(RoomId roomId) {
        return List.of();
    }

    @Override
    void close();
}
