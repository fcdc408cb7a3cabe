package io.trtcsim.stack;

import io.trtcsim.trtc.RoomId;
import io.trtcsim.usersig.CloudApiKey;
import java.util.List;

/**
 * What an app server may ask of a stack, after TRTC's server API (Tencent Cloud API 3.0): remove
 * users from a room, and dismiss a room; a string room through the ...ByStrRoomId actions. Calls
 * are signed with the application's Cloud API key (SecretId/SecretKey). Failures throw
 * {@link ServerApiException} naming the stack's answer.
 */
public interface ServerApi {

    void removeUser(CloudApiKey key, long sdkAppId, RoomId roomId, List<String> userIds);

    void dismissRoom(CloudApiKey key, long sdkAppId, RoomId roomId);
}
