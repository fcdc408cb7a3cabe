package io.trtcsim.sdk;

/**
 * Client.join's options: {roomId, role, privateMapKey}. {@code role} matters in 'live' mode only
 * ('anchor' or 'audience'); {@code privateMapKey} is empty when the app uses none.
 */
public record JoinOptions(long roomId, String role, String privateMapKey) {

    public JoinOptions {
        role = role == null ? "anchor" : role;
        privateMapKey = privateMapKey == null ? "" : privateMapKey;
    }

    public static JoinOptions room(long roomId) {
        return new JoinOptions(roomId, "anchor", "");
    }

    public JoinOptions withRole(String newRole) {
        return new JoinOptions(roomId, newRole, privateMapKey);
    }

    public JoinOptions withPrivateMapKey(String key) {
        return new JoinOptions(roomId, role, key);
    }
}
