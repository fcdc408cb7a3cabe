package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** TRTC's numeric room ids: integers in [1, 4294967294]. */
final class RoomIds {

    static final long MIN = 1;
    static final long MAX = 4_294_967_294L;

    private RoomIds() {
    }

    /** The room id in a join message, or a {@link SignalingException} with INVALID_PARAMETER naming what is wrong. */
    static long parse(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw SignalingException.invalidParameter("roomId is missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw SignalingException.invalidParameter("roomId " + value + " is not an integer");
        }
        long roomId = value.asLong();
        if (roomId < MIN || roomId > MAX) {
            throw SignalingException.invalidParameter("roomId " + roomId + " is outside [" + MIN + ", " + MAX + "]");
        }
        return roomId;
    }
}
