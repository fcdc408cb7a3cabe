package io.trtcsim.simulator;

import static io.trtcsim.PropertyRuns.anyText;
import static io.trtcsim.PropertyRuns.mutated;
import static io.trtcsim.PropertyRuns.qt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.usersig.AppKey;
import io.trtcsim.usersig.AppKeyStore;
import io.trtcsim.usersig.UserSigGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The simulator's signaling ({@link SignalingConnection} reading each WebSocket message into a
 * request, {@link ClientSession} and {@link Requests} reading its fields) answers every message,
 * whatever its text, with exactly one response: an error with TRTC's code for what it refuses
 * (INVALID_PARAMETER for what it cannot read), never UNKNOWN, the code of an unexpected exception;
 * and the connection stays open.
 */
class SignalingConnectionProperties {

    /**
     * Text a WebSocket text frame can carry: valid UTF-16 (a lone surrogate has no UTF-8, so the
     * client could not send it; the server would refuse such a frame itself, closing with 1007).
     */
    private static Gen<String> text(int maxLength) {
        return anyText(maxLength).map(SignalingConnectionProperties::sendable);
    }

    private static String sendable(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static final AppKey APP = new AppKey(1400000001L,
            "5f2a8c1e9b7d4f6a0c3e8b1d2f4a6c8e0b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a");
    /** The codes a refusal of a client's own message may carry: the documented ones, not UNKNOWN. */
    private static final Set<String> REFUSALS = Set.of(ErrorCode.INVALID_PARAMETER.name(),
            ErrorCode.INVALID_OPERATION.name(), ErrorCode.JOIN_ROOM_FAILED.name(), ErrorCode.REMOTE_STREAM_NOT_EXIST.name());
    private static final List<String> TYPES = List.of("join", "publish", "unpublish", "republish", "subscribe",
            "subscribe-answer", "unsubscribe", "switch-role", "mute", "leave", "heartbeat", "", "JOIN", "event");
    private static final List<String> FIELDS = List.of("id", "type", "roomId", "userId", "sdkAppId", "userSig", "mode",
            "role", "useStringRoomId", "privateMapKey", "reconnect", "sdp", "audio", "video", "streamType", "smallStream",
            "streamId", "videoStreamType", "kind", "muted");

    /** JSON values as text: every kind, wrong types, huge and negative numbers, deep nesting. */
    private static final Gen<String> JSON_VALUE = Generate.oneOf(
            SourceDSL.longs().all().map(n -> Long.toString(n)),
            Generate.pick(List.of("0", "-1", "1", "4294967294", "4294967295", "9223372036854775808",
                    "-9223372036854775809", "1e400", "-1e400", "1.5", "-0.0", "123456789012345678901234567890",
                    "true", "false", "null", "[]", "{}", "[1,\"a\",null]", "{\"a\":{\"b\":[]}}", "\"\"", "\"rtc\"",
                    "\"live\"", "\"audience\"", "\"anchor\"", "\"audio\"", "\"video\"", "\"main\"", "\"auxiliary\"",
                    "\"small\"", "\"big\"", "\"v=0\"", "\"alice_main\"", "\"8888\"")),
            text(60).map(text -> TextNode.valueOf(text).toString()),
            SourceDSL.integers().between(1, 3000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
            SourceDSL.integers().between(1, 3000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));

    /** A request: a type, then fields of the protocol with values of any kind. */
    private static final Gen<String> REQUEST = Generate.pick(TYPES).zip(
            SourceDSL.lists().of(Generate.pick(FIELDS).zip(JSON_VALUE, (name, value) -> "\"" + name + "\":" + value))
                    .ofSizeBetween(0, 8),
            (type, fields) -> "{\"type\":" + TextNode.valueOf(type) + (fields.isEmpty() ? "" : "," + String.join(",", fields)) + "}");

    private static SimulatorServer server;

    @BeforeAll
    static void start() {
        server = SimulatorServer.start(SimulatorConfig.onLoopback(AppKeyStore.of(APP)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String join(String userId, long roomId) {
        return "{\"type\":\"join\",\"id\":1,\"sdkAppId\":" + APP.sdkAppId() + ",\"userId\":\"" + userId + "\",\"userSig\":\""
                + new UserSigGenerator(APP).genUserSig(userId, Duration.ofHours(1)) + "\",\"roomId\":" + roomId
                + ",\"mode\":\"live\",\"role\":\"anchor\"}";
    }

    @Test
    void anyTextGetsOneResponseThatRefusesIt() {
        String validJoin = join("alice", 7001);
        Gen<String> texts = text(300)
                .mix(mutated(validJoin).map(SignalingConnectionProperties::sendable), 30)
                .mix(JSON_VALUE, 20)
                .mix(SourceDSL.integers().between(1, 5000).map(depth -> "[".repeat(depth)), 5);
        try (RawSignalingClient client = new RawSignalingClient(server.signalingUri())) {
            qt(500).withShrinkCycles(50).forAll(texts).checkAssert(text -> {
                JsonNode response = exchange(client, text);
                if (response.path("ok").asBoolean(false)) {
                    // Only a heartbeat, or a join that kept a valid signature, can pass; leave again.
                    assertThat(text).containsAnyOf("heartbeat", "join");
                    if (text.contains("join")) {
                        assertThat(exchange(client, "{\"type\":\"leave\",\"id\":2}").path("ok").asBoolean()).isTrue();
                    }
                    return;
                }
                refusal(response);
            });
        }
    }

    @Test
    void anyRequestBeforeJoiningGetsOneResponseThatRefusesIt() {
        try (RawSignalingClient client = new RawSignalingClient(server.signalingUri())) {
            qt(500).withShrinkCycles(50).forAll(REQUEST).checkAssert(request -> {
                JsonNode response = exchange(client, request);
                if (!response.path("ok").asBoolean(false)) {
                    refusal(response);
                } else {
                    assertThat(request).startsWith("{\"type\":\"heartbeat\"");
                }
            });
        }
    }

    @Test
    void anyRequestOfAMemberGetsOneResponseWithADocumentedCode() {
        try (RawSignalingClient client = new RawSignalingClient(server.signalingUri())) {
            String joining = join("bob", 7002);
            assertThat(exchange(client, joining).path("ok").asBoolean()).isTrue();
            qt(500).withShrinkCycles(50).forAll(REQUEST).checkAssert(request -> {
                JsonNode response = exchange(client, request);
                if (!response.path("ok").asBoolean(false)) {
                    refusal(response);
                } else if (request.startsWith("{\"type\":\"leave\"")) {
                    assertThat(exchange(client, joining).path("ok").asBoolean()).isTrue();
                }
            });
        }
    }

    /** Sends one message and waits (five seconds at most) for the one message that answers it. */
    private static JsonNode exchange(RawSignalingClient client, String text) {
        int before = client.received().size();
        client.send(text);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (client.received().size() == before) {
            assertThat(client.isClosed()).as("connection closed after %s", text).isFalse();
            assertThat(System.nanoTime()).as("a reply to %s within five seconds", text).isLessThan(deadline);
            LockSupport.parkNanos(100_000);
        }
        // Nothing else follows: one message, one response.
        LockSupport.parkNanos(1_000_000);
        List<JsonNode> received = client.received();
        assertThat(received.subList(before, received.size())).as("the reply to %s", text).hasSize(1);
        JsonNode response = received.get(before);
        assertThat(response.path("type").asText()).isEqualTo("response");
        return response;
    }

    private static void refusal(JsonNode response) {
        assertThat(response.path("error").asText()).as("error code of %s", response).isIn(REFUSALS);
        assertThat(response.path("message").asText()).as("message of %s", response).isNotBlank();
    }
}
