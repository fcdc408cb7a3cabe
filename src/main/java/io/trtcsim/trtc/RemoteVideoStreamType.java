package io.trtcsim.trtc;

import java.util.Locale;

/**
 * client.setRemoteVideoStreamType(stream, 'big' | 'small'): which of a publisher's two video
 * layers a subscriber receives, once the publisher has enabled its small stream.
 */
public enum RemoteVideoStreamType {
    BIG, SMALL;

    /** 'big' or 'small', as TRTC's API and the simulator's wire name them. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks up 'big' or 'small'; anything else is INVALID_PARAMETER naming what was given. */
    public static RemoteVideoStreamType named(String name) {
        return Presets.named(values(), RemoteVideoStreamType::wireName, "remote video stream type", name);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
