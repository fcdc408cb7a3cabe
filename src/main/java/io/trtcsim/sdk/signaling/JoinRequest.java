package io.trtcsim.sdk.signaling;

import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;

/**
 * What a client presents to enter a room. {@code roomId} is unchecked here: the stack judges it,
 * against {@code useStringRoomId} (the client's createClient option: string room ids, not numbers).
 * {@code privateMapKey} is empty when the client has none.
 */
public record JoinRequest(long sdkAppId, String userId, String userSig, RoomId roomId, boolean useStringRoomId, Mode mode, Role role,
                          String privateMapKey) {
}
