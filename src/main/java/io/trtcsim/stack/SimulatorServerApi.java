package io.trtcsim.stack;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.trtc.v20190722.TrtcClient;
import com.tencentcloudapi.trtc.v20190722.models.DismissRoomByStrRoomIdRequest;
import com.tencentcloudapi.trtc.v20190722.models.DismissRoomRequest;
import com.tencentcloudapi.trtc.v20190722.models.RemoveUserByStrRoomIdRequest;
import com.tencentcloudapi.trtc.v20190722.models.RemoveUserRequest;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.usersig.CloudApiKey;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The simulator's server API through Tencent's own Java SDK (tencentcloud-sdk-java-trtc), its
 * endpoint pointed at the simulator over plain HTTP: the same calls an app server makes to
 * trtc.tencentcloudapi.com (docs/simulator-protocol.md, "Server API").
 */
final class SimulatorServerApi implements ServerApi {

    /** Any region: the simulator serves one. */
    private static final String REGION = "ap-guangzhou";

    private final URI base;
    private final Duration timeout;

    SimulatorServerApi(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    @Override
    public void removeUser(CloudApiKey key, long sdkAppId, RoomId roomId, List<String> userIds) {
        String[] users = userIds.toArray(String[]::new);
        call("RemoveUser", roomId, () -> {
            TrtcClient client = client(key);
            if (roomId instanceof RoomId.Text text) {
                RemoveUserByStrRoomIdRequest request = new RemoveUserByStrRoomIdRequest();
                request.setSdkAppId(sdkAppId);
                request.setRoomId(text.value());
                request.setUserIds(users);
                client.RemoveUserByStrRoomId(request);
            } else {
                RemoveUserRequest request = new RemoveUserRequest();
                request.setSdkAppId(sdkAppId);
                request.setRoomId(((RoomId.Numeric) roomId).value());
                request.setUserIds(users);
                client.RemoveUser(request);
            }
        });
    }

    @Override
    public void dismissRoom(CloudApiKey key, long sdkAppId, RoomId roomId) {
        call("DismissRoom", roomId, () -> {
            TrtcClient client = client(key);
            if (roomId instanceof RoomId.Text text) {
                DismissRoomByStrRoomIdRequest request = new DismissRoomByStrRoomIdRequest();
                request.setSdkAppId(sdkAppId);
                request.setRoomId(text.value());
                client.DismissRoomByStrRoomId(request);
            } else {
                DismissRoomRequest request = new DismissRoomRequest();
                request.setSdkAppId(sdkAppId);
                request.setRoomId(((RoomId.Numeric) roomId).value());
                client.DismissRoom(request);
            }
        });
    }

    /** How an app server points Tencent's client at another endpoint: HttpProfile's endpoint and protocol. */
    private TrtcClient client(CloudApiKey key) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(base.getAuthority());
        http.setProtocol("http://");
        int seconds = (int) Math.max(1, timeout.toSeconds());
        http.setConnTimeout(seconds);
        http.setReadTimeout(seconds);
        http.setWriteTimeout(seconds);
        ClientProfile profile = new ClientProfile(ClientProfile.SIGN_TC3_256, http);
        return new TrtcClient(new Credential(key.secretId(), key.secretKey()), REGION, profile);
    }

    private interface Call {
        void run() throws TencentCloudSDKException;
    }

    private void call(String action, RoomId roomId, Call call) {
        try {
            call.run();
        } catch (TencentCloudSDKException e) {
            String code = e.getErrorCode() == null ? "" : e.getErrorCode();
            throw new ServerApiException(code, action + " of room " + roomId + " was refused by " + base + ": "
                    + code + " " + e.getMessage(), e);
        }
    }
}
