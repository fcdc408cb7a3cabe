package io.trtcsim.simulator;

/**
 * A user in a room, reached through the signaling connection it joined on. Its role changes with
 * switchRole; in 'live' mode only anchors are visible to the others (peer-join, peer-leave).
 */
final class Member {

    static final String ANCHOR = "anchor";
    static final String AUDIENCE = "audience";

    private final String userId;
    private final String mode;
    private final SignalingConnection connection;
    private volatile String role;

    Member(String userId, String mode, String role, SignalingConnection connection) {
        this.userId = userId;
        this.mode = mode;
        this.role = role;
        this.connection = connection;
    }

    String userId() {
        return userId;
    }

    String mode() {
        return mode;
    }

    String role() {
        return role;
    }

    void role(String newRole) {
        role = newRole;
    }

    SignalingConnection connection() {
        return connection;
    }

    boolean isLive() {
        return "live".equals(mode);
    }

    /** Whether the others hear of this member: everyone in 'rtc' mode, anchors in 'live' mode. */
    boolean visible() {
        return !isLive() || ANCHOR.equals(role);
    }

    boolean mayPublish() {
        return visible();
    }

    /** The Role field of server callbacks: 20 anchor, 21 audience. */
    int callbackRole() {
        return ANCHOR.equals(role) || !isLive() ? 20 : 21;
    }

    @Override
    public String toString() {
        return userId + " (" + mode + (isLive() ? ", " + role : "") + ")";
    }
}
