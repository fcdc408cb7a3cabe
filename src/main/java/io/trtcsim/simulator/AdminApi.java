package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.trtcsim.trtc.BanReason;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.usersig.UserSigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app server's side of the simulator, after TRTC's server API: RemoveUser and DismissRoom.
 * Requests are authenticated as Tencent's REST APIs are, with query parameters {@code sdkappid},
 * {@code identifier} (the app's administrator account, {@value #ADMINISTRATOR}) and {@code usersig}
 * (a UserSig of that account); anything else is refused with HTTP 401 and changes nothing.
 */
final class AdminApi {

    static final String ADMINISTRATOR = "administrator";

    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);

    private final SimulatorContext simulator;

    AdminApi(SimulatorContext simulator) {
        this.simulator = simulator;
    }

    /** POST /v4/trtc/RemoveUser {"RoomId": 8888, "UserIds": ["alice"]} */
    void removeUser(Context ctx) {
        handle(ctx, (sdkAppId, body) -> {
            RoomId roomId = roomId(body);
            JsonNode userIds = body.get("UserIds");
            if (userIds == null || !userIds.isArray() || userIds.isEmpty()) {
                throw new AdminError(400, 70400, "UserIds must be a non-empty array of user ids");
            }
            Room room = room(sdkAppId, roomId);
            List<String> removed = new ArrayList<>();
            for (JsonNode userId : userIds) {
                room.member(userId.asText()).ifPresent(member -> {
                    member.connection().session().ban(BanReason.BANNED, "removed from room " + roomId + " by the app server");
                    removed.add(member.userId());
                });
            }
            log.info("app server {} removed {} from {}", sdkAppId, removed, room);
            return simulator.json().createObjectNode().putPOJO("RemovedUserIds", removed);
        });
    }

    /** POST /v4/trtc/DismissRoom {"RoomId": 8888} */
    void dismissRoom(Context ctx) {
        handle(ctx, (sdkAppId, body) -> {
            RoomId roomId = roomId(body);
            Room room = room(sdkAppId, roomId);
            for (Member member : room.members()) {
                member.connection().session().ban(BanReason.ROOM_DISBAND, "room " + roomId + " was dismissed by the app server");
            }
            log.info("app server {} dismissed {}", sdkAppId, room);
            return simulator.json().createObjectNode();
        });
    }

    private interface Action {
        ObjectNode apply(long sdkAppId, JsonNode body);
    }

    private void handle(Context ctx, Action action) {
        try {
            long sdkAppId = authenticate(ctx);
            JsonNode body;
            try {
                body = simulator.json().readTree(ctx.body());
            } catch (Exception e) {
                throw new AdminError(400, 70400, "body is not JSON");
            }
            if (body == null || !body.isObject()) {
                throw new AdminError(400, 70400, "body must be a JSON object");
            }
            ObjectNode result = action.apply(sdkAppId, body);
            ctx.status(200).json(result.put("ErrorCode", 0).put("ErrorInfo", ""));
        } catch (AdminError e) {
            ctx.status(e.status).json(simulator.json().createObjectNode()
                    .put("ErrorCode", e.errorCode).put("ErrorInfo", e.getMessage()));
        }
    }

    private long authenticate(Context ctx) {
        String appParam = Optional.ofNullable(ctx.queryParam("sdkappid")).orElse("");
        String identifier = Optional.ofNullable(ctx.queryParam("identifier")).orElse("");
        String userSig = Optional.ofNullable(ctx.queryParam("usersig")).orElse("");
        long sdkAppId;
        try {
            sdkAppId = Long.parseLong(appParam);
        } catch (NumberFormatException e) {
            throw new AdminError(401, 70001, "sdkappid '" + appParam + "' is missing or not a number");
        }
        if (!ADMINISTRATOR.equals(identifier)) {
            throw new AdminError(401, 70001, "identifier must be the app's administrator account '" + ADMINISTRATOR + "'");
        }
        try {
            simulator.verifier().verify(userSig, sdkAppId, identifier);
        } catch (UserSigException e) {
            throw new AdminError(401, 70001, "usersig refused: " + e.getMessage());
        }
        return sdkAppId;
    }

    private static RoomId roomId(JsonNode body) {
        JsonNode given = body.get("RoomId");
        try {
            return RoomIds.parse(given, given != null && given.isTextual());
        } catch (SignalingException e) {
            throw new AdminError(400, 70400, e.getMessage().replace("roomId", "RoomId"));
        }
    }

    private Room room(long sdkAppId, RoomId roomId) {
        return simulator.rooms().find(new RoomKey(sdkAppId, roomId))
                .orElseThrow(() -> new AdminError(404, 70404, "room " + roomId + " of app " + sdkAppId + " does not exist"));
    }

    private static final class AdminError extends RuntimeException {
        private final int status;
        private final int errorCode;

        AdminError(int status, int errorCode, String message) {
            super(message);
            this.status = status;
            this.errorCode = errorCode;
        }
    }
}
