package io.trtcsim.stack.janus;

/**
 * Janus refused a request: a core error ({@code "janus": "error"}) or a VideoRoom error
 * ({@code error_code} in the plugin's data), with Janus's own code and text.
 */
final class JanusException extends RuntimeException {

    /** VideoRoom: JANUS_VIDEOROOM_ERROR_NO_SUCH_ROOM. */
    static final int NO_SUCH_ROOM = 426;
    /** VideoRoom: JANUS_VIDEOROOM_ERROR_ROOM_EXISTS. */
    static final int ROOM_EXISTS = 427;
    /** VideoRoom: JANUS_VIDEOROOM_ERROR_NO_SUCH_FEED, also before the publisher's PeerConnection is up. */
    static final int NO_SUCH_FEED = 428;

    private final int code;
    private final String reason;

    JanusException(int code, String reason) {
        super("Janus error " + code + ": " + reason);
        this.code = code;
        this.reason = reason;
    }

    int code() {
        return code;
    }

    String reason() {
        return reason;
    }
}
