package io.trtcsim.simulator;

import io.trtcsim.trtc.RoomId;

/**
 * Rooms belong to an application: the same room id in two applications is two rooms, and so are
 * room 8888 and room "8888" in one application (TRTC keeps numeric and string rooms apart).
 */
record RoomKey(long sdkAppId, RoomId roomId) {

    RoomKey(long sdkAppId, long roomId) {
        this(sdkAppId, RoomId.numeric(roomId));
    }

    @Override
    public String toString() {
        return roomId + " of app " + sdkAppId;
    }
}
