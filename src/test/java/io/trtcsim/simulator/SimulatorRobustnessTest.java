package io.trtcsim.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.trtc.v20190722.TrtcClient;
import com.tencentcloudapi.trtc.v20190722.models.RemoveUserByStrRoomIdRequest;
import com.tencentcloudapi.trtc.v20190722.models.RemoveUserRequest;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.usersig.AppKey;
import io.trtcsim.usersig.AppKeyStore;
import io.trtcsim.usersig.CloudApiKey;
import io.trtcsim.usersig.PermissionControl;
import io.trtcsim.usersig.UserSigGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input never reaches past the connection that sent it: oversized messages, floods, silent
 * clients and unauthenticated server API calls each get a documented answer or a closed
 * connection, and a room elsewhere goes on undisturbed.
 */
class SimulatorRobustnessTest {

    private final ObjectMapper json = new ObjectMapper();
    private static final CloudApiKey CLOUD_KEY = new CloudApiKey("AKIDrobustness", "0b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a");
    private static final AppKey APP = new AppKey(1400000001L, "5f2a8c1e9b7d4f6a0c3e8b1d2f4a6c8e0b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a",
            null, PermissionControl.BASIC, CLOUD_KEY);
    private SimulatorServer server;

    @BeforeEach
    void start() {
        server = SimulatorServer.start(SimulatorConfig.onLoopback(AppKeyStore.of(APP)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String sig(String userId) {
        return new UserSigGenerator(APP).genUserSig(userId, Duration.ofHours(1));
    }

    private static String join(long id, String userId, long roomId) {
        return "{\"type\":\"join\",\"id\":" + id + ",\"sdkAppId\":" + APP.sdkAppId() + ",\"userId\":\"" + userId
                + "\",\"userSig\":\"" + sig(userId) + "\",\"roomId\":" + roomId + ",\"mode\":\"rtc\"}";
    }

    /** Two members of a room elsewhere, to show they are not disturbed. */
    private RawSignalingClient[] bystanders(long roomId) {
        RawSignalingClient carol = new RawSignalingClient(server.signalingUri());
        RawSignalingClient dave = new RawSignalingClient(server.signalingUri());
        carol.send(join(1, "carol", roomId));
        carol.response(1);
        dave.send(join(1, "dave", roomId));
        dave.response(1);
        carol.event("peer-join", "dave");
        return new RawSignalingClient[] {carol, dave};
    }

    @Test
    void anOversizedMessageClosesOnlyThatConnection() {
        RawSignalingClient[] room = bystanders(9901);
        try (RawSignalingClient flooder = new RawSignalingClient(server.signalingUri())) {
            flooder.send("{\"type\":\"join\",\"id\":1,\"padding\":\"" + "x".repeat(SimulatorConfig.MAX_MESSAGE_BYTES) + "\"}");
            await("the oversized message's connection to close").atMost(Duration.ofSeconds(5))
                    .until(flooder::isClosed);
            assertThat(flooder.closeStatus()).isEqualTo(1009);
        }
        room[1].send("{\"type\":\"leave\",\"id\":2}");
        room[0].event("peer-leave", "dave");
        for (RawSignalingClient client : room) {
            client.close();
        }
    }

    @Test
    void aFloodOfJoinsOnOneConnectionIsRefusedOneByOne() {
        try (RawSignalingClient client = new RawSignalingClient(server.signalingUri())) {
            for (long id = 1; id <= 200; id++) {
                client.send(join(id, "alice", 9902));
            }
            assertThat(client.response(1).path("ok").asBoolean()).isTrue();
            JsonNode last = client.response(200);
            assertThat(last.path("error").asText()).isEqualTo("INVALID_OPERATION");
            assertThat(client.received().stream().filter(m -> "response".equals(m.path("type").asText())).count())
                    .isEqualTo(200);
        }
    }

    @Test
    void aFloodOfClientsJoiningManyRoomsLeavesTheServerServing() throws Exception {
        RawSignalingClient[] room = bystanders(9903);
        List<RawSignalingClient> crowd = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                RawSignalingClient client = new RawSignalingClient(server.signalingUri());
                crowd.add(client);
                client.send(join(1, "user" + i, 10_000 + i));
            }
            for (RawSignalingClient client : crowd) {
                assertThat(client.response(1).path("ok").asBoolean()).isTrue();
            }
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.httpUri() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"rooms\":51");
        } finally {
            crowd.forEach(RawSignalingClient::close);
        }
        room[1].send("{\"type\":\"leave\",\"id\":2}");
        room[0].event("peer-leave", "dave");
        for (RawSignalingClient client : room) {
            client.close();
        }
    }

    @Test
    void aClientThatFallsSilentIsTakenAsGoneAfterTheIdleTimeout() {
        try (SimulatorServer impatient = SimulatorServer.start(
                SimulatorConfig.onLoopback(AppKeyStore.of(APP)).withIdleTimeout(Duration.ofMillis(800)));
             RawSignalingClient alice = new RawSignalingClient(impatient.signalingUri());
             RawSignalingClient bob = new RawSignalingClient(impatient.signalingUri())) {
            alice.send(join(1, "alice", 9904));
            alice.response(1);
            bob.send(join(1, "bob", 9904));
            bob.response(1);
            // Neither sends anything more: both go silent, and the simulator closes both.
            await("the silent connection to be closed").atMost(Duration.ofSeconds(5)).until(alice::isClosed);
            // Jetty's idle timeout usually sends a close frame (1001); once in many runs it cut the
            // connection without one, which the client reports as 1006 (2026-12-06). Either is the
            // close the protocol promises (docs/simulator-protocol.md "Limits").
            assertThat(alice.closeStatus()).isIn(1001, 1000, 1011, 1006);
        }
    }

    @Test
    void serverApiCallsWithoutAValidSignatureAreRefusedAndChangeNothing() throws Exception {
        RawSignalingClient[] room = bystanders(9905);
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"SdkAppId\":" + APP.sdkAppId() + ",\"RoomId\":9905,\"UserIds\":[\"carol\"]}";
        List<String> badAuthorizations = List.of("", "garbage",
                "TC3-HMAC-SHA256 Credential=" + CLOUD_KEY.secretId() + "/2020-01-01/trtc/tc3_request,"
                        + " SignedHeaders=content-type;host, Signature=" + "0".repeat(64));
        for (String authorization : badAuthorizations) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.httpUri() + "/"))
                    .header("Content-Type", "application/json; charset=utf-8").header("X-TC-Action", "RemoveUser")
                    .header("X-TC-Version", "2019-07-22").header("X-TC-Region", "ap-guangzhou")
                    .header("X-TC-Timestamp", Long.toString(System.currentTimeMillis() / 1000))
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("Authorization '%s'", authorization).isEqualTo(200);
            assertThat(json.readTree(response.body()).path("Response").path("Error").path("Code").asText())
                    .as("Authorization '%s'", authorization).startsWith("AuthFailure.");
            assertThat(json.readTree(response.body()).path("Response").path("RequestId").asText()).isNotEmpty();
        }
        // Tencent's own SDK with the wrong SecretKey: refused as Tencent refuses it.
        RemoveUserRequest request = removeUser(9905, "carol");
        assertThatThrownBy(() -> trtc(new CloudApiKey(CLOUD_KEY.secretId(), "not-the-key")).RemoveUser(request))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("AuthFailure.SignatureFailure"));
        // Signed right, but a string where RemoveUser takes an integer.
        RemoveUserByStrRoomIdRequest wrongKind = new RemoveUserByStrRoomIdRequest();
        wrongKind.setSdkAppId(APP.sdkAppId());
        wrongKind.setRoomId("9905");
        wrongKind.setUserIds(new String[] {"carol"});
        assertThatThrownBy(() -> trtc(CLOUD_KEY).RemoveUserByStrRoomId(wrongKind))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("FailedOperation.RoomNotExist"))
                .hasMessageContaining("\"9905\"");
        // Nothing changed: carol was not removed, and the room still works.
        assertThat(room[0].received()).noneMatch(m -> "client-banned".equals(m.path("name").asText()));
        room[1].send("{\"type\":\"leave\",\"id\":2}");
        room[0].event("peer-leave", "dave");
        for (RawSignalingClient client : room) {
            client.close();
        }
    }

    @Test
    void theServerApiRemovesAUserWhenAskedThroughTencentsSdk() throws Exception {
        RawSignalingClient[] room = bystanders(9906);
        trtc(CLOUD_KEY).RemoveUser(removeUser(9906, "dave"));
        assertThat(room[1].event("client-banned", "dave").path("reason").asText()).isEqualTo("banned");
        assertThat(room[1].event("client-banned", "dave").path("message").asText()).contains("app server");
        room[0].event("peer-leave", "dave");
        for (RawSignalingClient client : room) {
            client.close();
        }
    }

    /**
     * Found by the fuzz command (docs/fuzzing.md): a client that resets its TCP connection while the
     * server still reads what it sent. The server notices the reset on the thread writing an event to
     * it and closes the connection there, while the reading thread goes on delivering the messages it
     * had read: those once re-created the closed connection (an entry in /health's count forever) and
     * a join among them left a member in the room that never left. Here every client pipelines joins
     * and leaves in a room where the others' comings and goings are written to it, then resets.
     */
    @Test
    void messagesReadAfterAnAbruptDisconnectLeaveNoConnectionAndNoMemberBehind() throws Exception {
        long roomId = 9909;
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            String userId = "racer" + c;
            clients.add(new Thread(() -> {
                for (int round = 0; round < 15; round++) {
                    StringBuilder pipeline = new StringBuilder();
                    long id = 1;
                    for (int i = 0; i < 40; i++) {
                        pipeline.append(join(id++, userId, roomId)).append('\n');
                        pipeline.append("{\"type\":\"leave\",\"id\":").append(id++).append("}\n");
                    }
                    pipeline.append(join(id, userId, roomId));
                    resetAfterSending(pipeline.toString().split("\n"));
                }
            }));
        }
        clients.forEach(Thread::start);
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(60).toMillis());
        }
        HttpClient http = HttpClient.newHttpClient();
        await("every connection closed and every room empty").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode health = json.readTree(http.send(HttpRequest.newBuilder(URI.create(server.httpUri() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(List.of(health.path("status").asText(), health.path("connections").asInt(), health.path("rooms").asInt()))
                    .as("health (status, connections, rooms) after the resets: %s; rooms:%n%s", health, server.describeRooms())
                    .containsExactly("up", 0, 0);
        });
    }

    /** Opens a WebSocket on a plain socket, writes {@code messages} as text frames at once, and resets the connection (RST). */
    private void resetAfterSending(String[] messages) {
        try (java.net.Socket socket = new java.net.Socket(server.httpUri().getHost(), server.port())) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("GET /signal HTTP/1.1\r\nHost: " + server.httpUri().getAuthority() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IllegalStateException("the upgrade was not answered");
                }
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            java.io.ByteArrayOutputStream frames = new java.io.ByteArrayOutputStream();
            for (String message : messages) {
                byte[] payload = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                frames.write(0x81);
                // Masked (as a client must) with the key 0, so the payload goes as it is.
                frames.write(0x80 | 126);
                frames.write(payload.length >>> 8);
                frames.write(payload.length);
                frames.write(new byte[4]);
                frames.write(payload);
            }
            out.write(frames.toByteArray());
            out.flush();
            socket.setSoLinger(true, 0);
        } catch (java.io.IOException e) {
            // the server may have closed first; the test is about what it keeps afterwards
        }
    }

    private RemoveUserRequest removeUser(long roomId, String userId) {
        RemoveUserRequest request = new RemoveUserRequest();
        request.setSdkAppId(APP.sdkAppId());
        request.setRoomId(roomId);
        request.setUserIds(new String[] {userId});
        return request;
    }

    private TrtcClient trtc(CloudApiKey key) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(server.httpUri().getAuthority());
        http.setProtocol("http://");
        return new TrtcClient(new Credential(key.secretId(), key.secretKey()), "ap-guangzhou",
                new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }

    /**
     * Hostile descriptions in publish (garbage, wrong types, out-of-range numbers, descriptions the
     * media plane cannot serve) are refused one by one with INVALID_PARAMETER, leave no media link
     * open, and the server keeps serving: /health answers and a room elsewhere is undisturbed.
     */
    @Test
    void hostileSdpInPublishIsRefusedWithoutLeavingALinkOpen() throws Exception {
        RawSignalingClient[] room = bystanders(9907);
        List<String> hostile = List.of(
                "\"\"",
                "\"garbage\"",
                "42",
                "{\"nested\":[[[[[]]]]]}",
                "\"v=0\\r\\nm=audio notaport UDP/TLS/RTP/SAVPF 111\\r\\n\"",
                "\"v=0\\r\\nm=audio 9 UDP/TLS/RTP/SAVPF 999999999999\\r\\n\"",
                "\"v=0\\r\\nm=video 9 UDP/TLS/RTP/SAVPF 96\\r\\na=rtpmap:96 VP8/90000\\r\\na=ssrc:-5 cname:x\\r\\n\"",
                "\"v=0\\r\\nm=video 9 UDP/TLS/RTP/SAVPF 96\\r\\na=rtpmap:96 VP8/90000\\r\\na=ssrc:1 cname:x\\r\\na=sendonly\\r\\n\"",
                "\"" + "v=0\\r\\n" + "a=x\\r\\n".repeat(3000) + "\"");
        try (RawSignalingClient mallory = new RawSignalingClient(server.signalingUri())) {
            mallory.send(join(1, "mallory", 9908));
            mallory.response(1);
            long id = 2;
            for (String sdp : hostile) {
                mallory.send("{\"type\":\"publish\",\"id\":" + id + ",\"sdp\":" + sdp + "}");
                JsonNode answer = mallory.response(id);
                assertThat(answer.path("ok").asBoolean()).as("publish with sdp %s", sdp.substring(0, Math.min(60, sdp.length()))).isFalse();
                assertThat(answer.path("error").asText()).as("publish with sdp %s", sdp.substring(0, Math.min(60, sdp.length())))
                        .isEqualTo("INVALID_PARAMETER");
                id++;
            }
            assertThat(server.mediaLinks()).as("media links left open by refused offers").isEmpty();
        }
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.httpUri() + "/health")).timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        room[1].send("{\"type\":\"leave\",\"id\":2}");
        room[0].event("peer-leave", "dave");
        for (RawSignalingClient client : room) {
            client.close();
        }
    }
}
