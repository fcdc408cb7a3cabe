package io.trtcsim.harness.appserver;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.usersig.HmacSha256;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One request that reached the app server's callback path, as received.
 *
 * <p>Parsing never fails: a body that is not TRTC's callback JSON still yields a record, with
 * {@link #UNKNOWN} for what could not be read, so that a test can show what arrived instead.
 * A string room's id arrives as a JSON string, a numeric room's as a number: they are different rooms.
 *
 * @param rawBody   the body exactly as received (UTF-8)
 * @param sign      the {@code Sign} header, or {@code null}
 * @param sdkAppId  the {@code SdkAppId} header, or {@code null}
 * @param eventType {@code EventType} (103 enter room, 201 start video, ...), or {@link #UNKNOWN}
 * @param roomId    {@code EventInfo.RoomId}: a number, or a string for a string room; empty when missing
 * @param userId    {@code EventInfo.UserId}, or {@code null} (room events have none)
 */
public record ReceivedCallback(String rawBody, String sign, String sdkAppId, int eventType, Optional<RoomId> roomId,
                               String userId) {

    public static final int UNKNOWN = -1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ReceivedCallback {
        Objects.requireNonNull(rawBody, "rawBody");
    }

    public static ReceivedCallback parse(String rawBody, String sign, String sdkAppId) {
        JsonNode root = readTree(rawBody);
        JsonNode info = root.path("EventInfo");
        return new ReceivedCallback(rawBody, sign, sdkAppId, eventType(root.path("EventType")),
                roomId(info.path("RoomId")), info.path("UserId").isTextual() ? info.path("UserId").textValue() : null);
    }

    /**
     * Whether {@code Sign} is base64(HMAC-SHA256(callbackKey, rawBody)), as TRTC signs callbacks.
     * False when the header is missing or not base64.
     */
    public boolean signedWith(String callbackKey) {
        if (callbackKey == null || callbackKey.isBlank()) {
            throw new IllegalArgumentException("callbackKey must not be null or blank");
        }
        if (sign == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(sign.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        // Constant-time, as an app server must compare it, so timing does not leak the expected signature.
        return MessageDigest.isEqual(HmacSha256.of(callbackKey, rawBody), given);
    }

    private static JsonNode readTree(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root == null ? JSON.missingNode() : root;
        } catch (JacksonException notJson) {
            return JSON.missingNode();
        }
    }

    private static int eventType(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : UNKNOWN;
    }

    private static Optional<RoomId> roomId(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Optional.of(RoomId.numeric(node.longValue()));
        }
        return node.isTextual() ? Optional.of(RoomId.string(node.textValue())) : Optional.empty();
    }

}
