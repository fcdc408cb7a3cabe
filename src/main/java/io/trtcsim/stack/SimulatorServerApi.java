package io.trtcsim.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.trtc.RoomId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The simulator's server API over HTTP (docs/simulator-protocol.md, "Server API"). */
final class SimulatorServerApi implements ServerApi {

    private final URI base;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;

    SimulatorServerApi(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String administrator() {
        return "administrator";
    }

    @Override
    public void removeUser(long sdkAppId, String adminUserSig, RoomId roomId, List<String> userIds) {
        post("RemoveUser", sdkAppId, adminUserSig, Map.of("RoomId", roomId.wireValue(), "UserIds", userIds));
    }

    @Override
    public void dismissRoom(long sdkAppId, String adminUserSig, RoomId roomId) {
        post("DismissRoom", sdkAppId, adminUserSig, Map.of("RoomId", roomId.wireValue()));
    }

    private void post(String action, long sdkAppId, String adminUserSig, Map<String, Object> body) {
        URI uri = base.resolve("/v4/trtc/" + action + "?sdkappid=" + sdkAppId + "&identifier=" + administrator()
                + "&usersig=" + URLEncoder.encode(adminUserSig, StandardCharsets.UTF_8));
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ServerApiException(response.statusCode(), action + " was refused with HTTP "
                        + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new ServerApiException(-1, action + " could not reach " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerApiException(-1, action + " was interrupted");
        }
    }
}
