package io.trtcsim.sdk.signaling;

import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;

/**
 * What a client presents to enter a room. {@code roomId} is unchecked here: the stack judges it.
 * {@code privateMapKey} is empty when the client has none.
 */
public record JoinRequest(long sdkAppId, String userId, String userSig, long roomId, Mode mode, Role role,
                          String privateMapKey) {
}
