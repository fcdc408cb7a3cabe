package io.trtcsim.stack;

/**
 * Something the stack tells a client about its room: TRTC's event name, the user it concerns, and
 * for stream events the stream id, which tracks it carries and which are muted. {@code reason}
 * explains bans.
 */
public record StackEvent(String name, String userId, String streamId, boolean audio, boolean video,
                         boolean audioMuted, boolean videoMuted, String reason) {

    public static StackEvent ofUser(String name, String userId) {
        return new StackEvent(name, userId, null, false, false, false, false, null);
    }
}
