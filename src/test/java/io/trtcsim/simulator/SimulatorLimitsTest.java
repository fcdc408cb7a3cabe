package io.trtcsim.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.usersig.AppKey;
import io.trtcsim.usersig.AppKeyStore;
import io.trtcsim.usersig.UserSigGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The limits that protect a shared simulator (docs/simulator-protocol.md, "Limits"): each one hit
 * on a real server by real WebSocket clients, refused with its documented error, counted in
 * /health, while another room (of the same application, or of another one where the limit is the
 * application's) goes on being served.
 */
class SimulatorLimitsTest {

    private static final AppKey APP = new AppKey(1400000001L, "5f2a8c1e9b7d4f6a0c3e8b1d2f4a6c8e0b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a");
    private static final AppKey OTHER_APP = new AppKey(1400000002L, "0b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a5f2a8c1e9b7d4f6a0c3e8b1d2f4a6c8e");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private SimulatorServer server;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(SimulatorLimits limits) {
        server = SimulatorServer.start(SimulatorConfig.onLoopback(AppKeyStore.of(APP, OTHER_APP)).withLimits(limits));
    }

    private RawSignalingClient client() {
        RawSignalingClient client = new RawSignalingClient(server.signalingUri());
        clients.add(client);
        return client;
    }

    private static String join(long id, AppKey app, String userId, long roomId) {
        return "{\"type\":\"join\",\"id\":" + id + ",\"sdkAppId\":" + app.sdkAppId() + ",\"userId\":\"" + userId
                + "\",\"userSig\":\"" + new UserSigGenerator(app).genUserSig(userId, Duration.ofHours(1))
                + "\",\"roomId\":" + roomId + ",\"mode\":\"rtc\"}";
    }

    private static String leave(long id) {
        return "{\"type\":\"leave\",\"id\":" + id + "}";
    }

    /** Sends a join on {@code client} and returns the response. */
    private static JsonNode join(RawSignalingClient client, long id, AppKey app, String userId, long roomId) {
        client.send(join(id, app, userId, roomId));
        return client.response(id);
    }

    /** A new client in the room. */
    private RawSignalingClient joined(AppKey app, String userId, long roomId) {
        RawSignalingClient client = client();
        assertThat(join(client, 1, app, userId, roomId).path("ok").asBoolean()).as(userId + "'s join").isTrue();
        return client;
    }

    /** A member of a room elsewhere, to show the simulator still serves it while a limit refuses. */
    private RawSignalingClient bystander(AppKey app, long roomId) {
        return joined(app, "carol", roomId);
    }

    /** Someone joins the bystander's room: both get their answers at once. */
    private void stillServed(RawSignalingClient bystander, AppKey app, long roomId, String newcomer) {
        joined(app, newcomer, roomId);
        bystander.event("peer-join", newcomer);
    }

    /** Refused with the limit's documented error, and counted (once) in /health. */
    private void assertRefused(JsonNode response, int extraCode, String limit, int value) {
        assertThat(response.path("ok").asBoolean()).as("refused: " + response).isFalse();
        assertThat(response.path("code").asInt()).isEqualTo(ErrorCode.JOIN_ROOM_FAILED.code());
        assertThat(response.path("error").asText()).isEqualTo("JOIN_ROOM_FAILED");
        assertThat(response.path("extraCode").asInt()).isEqualTo(extraCode);
        assertThat(response.path("message").asText()).contains("limit " + limit + " (" + value + ",");
        assertThat(refusals(limit)).as("/health limits.refusals." + limit).isEqualTo(1);
    }

    private JsonNode health() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.httpUri().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long refusals(String limit) {
        return health().path("limits").path("refusals").path(limit).asLong();
    }

    @Test
    void healthShowsTheDefaultLimitsAndNoRefusals() {
        start(SimulatorLimits.defaults());
        JsonNode limits = health().path("limits");
        assertThat(limits.path("configured").path("participantsPerRoom").asInt()).isEqualTo(10_000);
        assertThat(limits.path("configured").path("joinsPerSecond").asInt()).isEqualTo(2000);
        assertThat(limits.path("configured").path("pendingMessages").asInt()).isEqualTo(50_000);
        assertThat(limits.path("refusals").size()).isEqualTo(6);
        limits.path("refusals").forEach(count -> assertThat(count.asLong()).isZero());
    }

    @Test
    void aConnectionThatJoinsOverAndOverIsRefusedAfterItsLimit() {
        start(SimulatorLimits.defaults().withJoinsPerConnection(3));
        RawSignalingClient carol = bystander(APP, 501);
        RawSignalingClient alice = client();
        long id = 1;
        for (int round = 0; round < 3; round++) {
            assertThat(join(alice, id++, APP, "alice", 502).path("ok").asBoolean()).isTrue();
            alice.send(leave(id));
            assertThat(alice.response(id++).path("ok").asBoolean()).isTrue();
        }
        assertRefused(join(alice, id, APP, "alice", 502), -19001, "joinsPerConnection", 3);
        stillServed(carol, APP, 501, "dave");
        joined(APP, "alice", 502);
    }

    @Test
    void anApplicationJoiningTooFastIsRefusedWhileAnotherApplicationJoins() {
        start(SimulatorLimits.defaults().withJoinsPerSecond(2));
        RawSignalingClient carol = bystander(OTHER_APP, 601);
        JsonNode refused = null;
        for (int i = 0; i < 30 && refused == null; i++) {
            JsonNode response = join(client(), 1, APP, "user" + i, 602);
            if (!response.path("ok").asBoolean()) {
                refused = response;
            }
        }
        assertThat(refused).as("a join refused among 30 at 2 a second").isNotNull();
        assertRefused(refused, -19002, "joinsPerSecond", 2);
        stillServed(carol, OTHER_APP, 601, "dave");
    }

    @Test
    void connectionsOfAnApplicationAreLimitedAndFreedWhenOneCloses() {
        start(SimulatorLimits.defaults().withConnectionsPerApplication(2));
        RawSignalingClient carol = bystander(OTHER_APP, 701);
        joined(APP, "alice", 702);
        RawSignalingClient bob = joined(APP, "bob", 703);
        RawSignalingClient eve = client();
        assertRefused(join(eve, 1, APP, "eve", 702), -19003, "connectionsPerApplication", 2);
        stillServed(carol, OTHER_APP, 701, "dave");

        bob.close();
        await("bob's connection to close and free its place").atMost(WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> health().path("connections").asInt() == 4);
        assertThat(join(eve, 2, APP, "eve", 702).path("ok").asBoolean()).as("eve's second try, once bob is gone").isTrue();
    }

    @Test
    void roomsOfAnApplicationAreLimitedWhileItsOpenRoomsStillAdmit() {
        start(SimulatorLimits.defaults().withRoomsPerApplication(2));
        RawSignalingClient carol = bystander(APP, 801);
        RawSignalingClient alice = joined(APP, "alice", 802);
        RawSignalingClient bob = client();
        assertRefused(join(bob, 1, APP, "bob", 803), -19004, "roomsPerApplication", 2);
        assertThat(health().path("rooms").asInt()).isEqualTo(2);
        stillServed(carol, APP, 801, "dave");
        joined(OTHER_APP, "bob", 803);

        alice.send(leave(2));
        assertThat(alice.response(2).path("ok").asBoolean()).isTrue();
        assertThat(join(bob, 2, APP, "bob", 803).path("ok").asBoolean()).as("a room once another has closed").isTrue();
    }

    @Test
    void aFullRoomRefusesANewcomerButNotAReturningMember() {
        start(SimulatorLimits.defaults().withParticipantsPerRoom(2));
        RawSignalingClient carol = bystander(APP, 901);
        RawSignalingClient alice = joined(APP, "alice", 902);
        joined(APP, "bob", 902);
        assertRefused(join(client(), 1, APP, "eve", 902), -19005, "participantsPerRoom", 2);
        assertThat(alice.received()).noneMatch(m -> "eve".equals(m.path("userId").asText()));
        stillServed(carol, APP, 901, "dave");

        joined(APP, "bob", 902);
    }

    @Test
    void aClientThatDoesNotReadIsDisconnectedOnceTooManyMessagesWait() throws Exception {
        int limit = 10;
        start(SimulatorLimits.defaults().withPendingMessages(limit));
        RawSignalingClient carol = bystander(APP, 1001);
        AtomicInteger closeStatus = new AtomicInteger(-1);
        AtomicReference<String> closeReason = new AtomicReference<>("");
        // Reads nothing until told to: the simulator's writes fill the socket, then its queue.
        WebSocket reader = http.newWebSocketBuilder().buildAsync(server.signalingUri(), new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closeReason.set(reason);
                closeStatus.set(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closeReason.set(String.valueOf(error));
                closeStatus.set(0);
            }
        }).join();
        clients.add(reader::abort);
        // Each unknown type comes back in its error reply: 60 KB written per 60 KB read.
        String bulky = "{\"type\":\"" + "x".repeat(60_000) + "\",\"id\":7}";
        for (int sent = 0; sent < 2000 && refusals("pendingMessages") == 0; sent++) {
            try {
                // Once it closes the connection the simulator reads no more: a send then waits.
                reader.sendText(bulky, true).toCompletableFuture().get(1, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                break;
            }
        }
        assertThat(refusals("pendingMessages")).as("the reader's queue overflowed").isEqualTo(1);
        reader.request(Long.MAX_VALUE);
        stillServed(carol, APP, 1001, "dave");
        await("the non-reader's connection to end").atMost(WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> closeStatus.get() >= 0);
        // The close frame waits behind what the client has not read; Jetty may cut the connection
        // before the client reads up to it, and the client then sees a reset instead (documented).
        if (closeStatus.get() == 0) {
            assertThat(closeReason.get()).as("how the connection ended").contains("reset");
        } else {
            assertThat(closeStatus.get()).isEqualTo(LimitGuard.PENDING_CLOSE_STATUS);
            assertThat(closeReason.get()).contains("limit pendingMessages (" + limit + ")");
        }
        await("the simulator to drop the connection").atMost(WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> health().path("connections").asInt() == 2);
    }
}
