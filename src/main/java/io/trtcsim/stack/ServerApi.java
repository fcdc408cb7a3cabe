package io.trtcsim.stack;

import io.trtcsim.trtc.RoomId;
import java.util.List;

/**
 * What an app server may ask of a stack, after TRTC's server API: remove users from a room, and
 * dismiss a room. Calls are authenticated with a UserSig of the app's administrator account.
 * Failures throw {@link ServerApiException} naming the stack's answer.
 */
public interface ServerApi {

    void removeUser(long sdkAppId, String adminUserSig, RoomId roomId, List<String> userIds);

    void dismissRoom(long sdkAppId, String adminUserSig, RoomId roomId);

    /** The administrator account whose UserSig authenticates calls. */
    String administrator();
}
