package io.trtcsim.simulator;

/** Rooms belong to an application: the same room id in two applications is two rooms. */
record RoomKey(long sdkAppId, long roomId) {

    @Override
    public String toString() {
        return roomId + " of app " + sdkAppId;
    }
}
