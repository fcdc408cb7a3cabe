package io.trtcsim.sdk;

/** Client.join's options: {roomId, role}. role matters in 'live' mode only ('anchor' or 'audience'). */
public record JoinOptions(long roomId, String role) {

    public static JoinOptions room(long roomId) {
        return new JoinOptions(roomId, "anchor");
    }
}
