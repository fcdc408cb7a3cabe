package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trtcsim.trtc.RoomId;

/**
 * Room ids on the wire: a JSON number for a numeric room, a JSON string for a string room
 * (see docs/simulator-protocol.md). Which one a client may use is its {@code useStringRoomId}.
 */
final class RoomIds {

    private RoomIds() {
    }

    /**
     * The room id in a message, valid for a client whose {@code useStringRoomId} is as given, or a
     * {@link SignalingException} with INVALID_PARAMETER naming what is wrong.
     */
    static RoomId parse(JsonNode value, boolean useStringRoomId) {
        RoomId roomId = read(value);
        roomId.problem(useStringRoomId).ifPresent(problem -> {
            throw SignalingException.invalidParameter(problem);
        });
        return roomId;
    }

    private static RoomId read(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw SignalingException.invalidParameter("roomId is missing");
        }
        if (value.isTextual()) {
            return RoomId.string(value.textValue());
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw SignalingException.invalidParameter("roomId " + value + " is neither an integer nor a string");
        }
        return RoomId.numeric(value.asLong());
    }

    /** Puts the room id in a message as its kind is written on the wire. */
    static ObjectNode put(ObjectNode message, String field, RoomId roomId) {
        return message.putPOJO(field, roomId.wireValue());
    }
}
