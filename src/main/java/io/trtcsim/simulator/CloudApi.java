package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.trtcsim.simulator.cloudapi.CloudApiError;
import io.trtcsim.simulator.cloudapi.Tc3Verifier;
import io.trtcsim.trtc.BanReason;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.usersig.AppKey;
import io.trtcsim.usersig.CloudApiKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TRTC's server API as Tencent Cloud API 3.0 serves it (service trtc, version 2019-07-22): POST of a
 * JSON body to "/", the action in X-TC-Action, signed with TC3-HMAC-SHA256 by a SecretId/SecretKey
 * of the application (fixtures/apps.json). Answers {@code {"Response":{...,"RequestId"}}}, errors
 * {@code {"Response":{"Error":{"Code","Message"},"RequestId"}}} with HTTP 200, as Tencent does. A
 * refused request changes nothing: it is checked whole before anyone is removed.
 */
final class CloudApi {

    static final String SERVICE = "trtc";
    static final String VERSION = "2019-07-22";
    /** RemoveUser takes at most ten user ids a call. */
    static final int MAX_USER_IDS = 10;

    private static final Logger log = LoggerFactory.getLogger(CloudApi.class);

    private final SimulatorContext simulator;
    private final Tc3Verifier verifier;

    CloudApi(SimulatorContext simulator, Clock clock) {
        this.simulator = simulator;
        this.verifier = new Tc3Verifier(this::keyOf, clock);
    }

    void handle(Context ctx) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode reply = simulator.json().createObjectNode();
        ObjectNode response = reply.putObject("Response");
        try {
            CloudApiKey key = verifier.verify("POST", ctx::header, ctx.body(), SERVICE);
            String version = Optional.ofNullable(ctx.header("X-TC-Version")).orElse("");
            if (!VERSION.equals(version)) {
                throw new CloudApiError("InvalidParameter", "X-TC-Version '" + version + "' is not TRTC's " + VERSION);
            }
            String action = Optional.ofNullable(ctx.header("X-TC-Action")).orElse("");
            JsonNode body = body(ctx.body());
            long sdkAppId = sdkAppId(body, key);
            switch (action) {
                case "RemoveUser" -> removeUser(sdkAppId, roomId(body, false), userIds(body));
                case "RemoveUserByStrRoomId" -> removeUser(sdkAppId, roomId(body, true), userIds(body));
                case "DismissRoom" -> dismissRoom(sdkAppId, roomId(body, false));
                case "DismissRoomByStrRoomId" -> dismissRoom(sdkAppId, roomId(body, true));
                default -> throw new CloudApiError("InvalidAction", "X-TC-Action '" + action + "' is not one the"
                        + " simulator serves: RemoveUser, RemoveUserByStrRoomId, DismissRoom, DismissRoomByStrRoomId");
            }
        } catch (CloudApiError refused) {
            log.info("server API refused: {} {}", refused.code(), refused.getMessage());
            response.putObject("Error").put("Code", refused.code()).put("Message", refused.getMessage());
        }
        response.put("RequestId", requestId);
        ctx.status(200).json(reply);
    }

    private void removeUser(long sdkAppId, RoomId roomId, List<String> userIds) {
        Room room = room(sdkAppId, roomId);
        List<String> removed = new ArrayList<>();
        for (String userId : userIds) {
            room.member(userId).ifPresent(member -> {
                member.connection().session().ban(BanReason.BANNED, "removed from room " + roomId + " by the app server");
                removed.add(member.userId());
            });
        }
        log.info("app server {} removed {} from {}", sdkAppId, removed, room);
    }

    private void dismissRoom(long sdkAppId, RoomId roomId) {
        Room room = room(sdkAppId, roomId);
        for (Member member : room.members()) {
            member.connection().session().ban(BanReason.ROOM_DISBAND, "room " + roomId + " was dismissed by the app server");
        }
        log.info("app server {} dismissed {}", sdkAppId, room);
    }

    private Optional<CloudApiKey> keyOf(String secretId) {
        return simulator.apps().apps().stream().map(AppKey::cloudApiKey)
                .filter(key -> key != null && key.secretId().equals(secretId)).findFirst();
    }

    private JsonNode body(String text) {
        try {
            JsonNode body = simulator.json().readTree(text);
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (Exception notJson) {
            // answered below, as for any body that is not an object
        }
        throw new CloudApiError("InvalidParameter", "the body is not a JSON object");
    }

    /** The SdkAppId, which the signing key must belong to: one app's key cannot act on another app's rooms. */
    private long sdkAppId(JsonNode body, CloudApiKey key) {
        JsonNode given = body.get("SdkAppId");
        if (given == null || given.isNull()) {
            throw new CloudApiError("MissingParameter", "SdkAppId is missing");
        }
        if (!given.isIntegralNumber() || !given.canConvertToLong()) {
            throw new CloudApiError("InvalidParameter", "SdkAppId " + given + " is not an integer");
        }
        long sdkAppId = given.longValue();
        boolean owned = simulator.apps().find(sdkAppId).map(AppKey::cloudApiKey).filter(key::equals).isPresent();
        if (!owned) {
            throw new CloudApiError("AuthFailure.UnauthorizedOperation", "SecretId " + key.secretId()
                    + " may not act on SdkAppId " + sdkAppId);
        }
        return sdkAppId;
    }

    /** RoomId: an integer for RemoveUser and DismissRoom, a string for their ...ByStrRoomId twins. */
    private static RoomId roomId(JsonNode body, boolean stringRoom) {
        JsonNode given = body.get("RoomId");
        if (given == null || given.isNull()) {
            throw new CloudApiError("MissingParameter", "RoomId is missing");
        }
        if (stringRoom != given.isTextual()) {
            throw new CloudApiError("InvalidParameter", "RoomId " + given + " must be "
                    + (stringRoom ? "a string (use RemoveUser or DismissRoom for numeric rooms)"
                    : "an integer (use the ...ByStrRoomId actions for string rooms)"));
        }
        try {
            return RoomIds.parse(given, stringRoom);
        } catch (SignalingException e) {
            throw new CloudApiError("InvalidParameter", e.getMessage().replace("roomId", "RoomId"));
        }
    }

    private static List<String> userIds(JsonNode body) {
        JsonNode given = body.get("UserIds");
        if (given == null || given.isNull()) {
            throw new CloudApiError("MissingParameter", "UserIds is missing");
        }
        if (!given.isArray() || given.isEmpty() || given.size() > MAX_USER_IDS) {
            throw new CloudApiError("InvalidParameter", "UserIds must be an array of 1 to " + MAX_USER_IDS
                    + " user ids, was " + given);
        }
        List<String> userIds = new ArrayList<>();
        for (JsonNode userId : given) {
            if (!userId.isTextual() || userId.textValue().isEmpty()) {
                throw new CloudApiError("InvalidParameter", "UserIds has " + userId + ", not a user id");
            }
            userIds.add(userId.textValue());
        }
        return userIds;
    }

    private Room room(long sdkAppId, RoomId roomId) {
        return simulator.rooms().find(new RoomKey(sdkAppId, roomId)).orElseThrow(() -> new CloudApiError(
                "FailedOperation.RoomNotExist", "room " + roomId + " of SdkAppId " + sdkAppId + " does not exist"));
    }
}
