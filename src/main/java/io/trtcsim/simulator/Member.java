package io.trtcsim.simulator;

import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;

/**
 * A user in a room, reached through the signaling connection it joined (or resumed) on. Its role changes with
 * switchRole; in 'live' mode only anchors are visible to the others (peer-join, peer-leave).
 */
final class Member {

    private final String userId;
    private final Mode mode;
    /** Changes only when a reconnecting client resumes this membership on a new connection. */
    private volatile SignalingConnection connection;
    private volatile Role role;

    Member(String userId, Mode mode, Role role, SignalingConnection connection) {
        this.userId = userId;
        this.mode = mode;
        this.role = role;
        this.connection = connection;
    }

    String userId() {
        return userId;
    }

    Mode mode() {
        return mode;
    }

    Role role() {
        return role;
    }

    void role(Role newRole) {
        role = newRole;
    }

    SignalingConnection connection() {
        return connection;
    }

    /** A reconnection resumed this membership: from now on the others' events go to the new connection. */
    void moveTo(SignalingConnection resumedOn) {
        connection = resumedOn;
    }

    boolean isLive() {
        return mode == Mode.LIVE;
    }

    /** Whether the others hear of this member: everyone in 'rtc' mode, anchors in 'live' mode. */
    boolean visible() {
        return !isLive() || role == Role.ANCHOR;
    }

    boolean mayPublish() {
        return visible();
    }

    /** The Role field of server callbacks: 20 anchor, 21 audience. */
    int callbackRole() {
        return role == Role.ANCHOR || !isLive() ? 20 : 21;
    }

    @Override
    public String toString() {
        return userId + " (" + mode + (isLive() ? ", " + role : "") + ")";
    }
}
