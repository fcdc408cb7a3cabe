package io.trtcsim.sdk;

import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import java.util.Objects;

/**
 * Client.join's options: {roomId, role, privateMapKey}. {@code role} matters in 'live' mode only
 * (anchor by default); {@code privateMapKey} is empty when the app uses none.
 */
public record JoinOptions(RoomId roomId, Role role, String privateMapKey) {

    public JoinOptions {
        Objects.requireNonNull(roomId, "roomId");
        role = role == null ? Role.ANCHOR : role;
        privateMapKey = privateMapKey == null ? "" : privateMapKey;
    }

    public static JoinOptions room(RoomId roomId) {
        return new JoinOptions(roomId, Role.ANCHOR, "");
    }

    public static JoinOptions room(long roomId) {
        return room(RoomId.numeric(roomId));
    }

    public JoinOptions withRole(Role newRole) {
        return new JoinOptions(roomId, newRole, privateMapKey);
    }

    public JoinOptions withPrivateMapKey(String key) {
        return new JoinOptions(roomId, role, key);
    }
}
