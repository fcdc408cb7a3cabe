package io.trtcsim.trtc;

import java.util.Locale;

/**
 * RemoteStream.getType(): a user's 'main' stream (camera and microphone) or its 'auxiliary' stream
 * (screen sharing, the substream of TRTC's other SDKs). Its media callbacks differ too: 201–204 for
 * the main stream, 205/206 for the auxiliary one.
 */
public enum StreamType {
    MAIN, AUXILIARY;

    /** 'main' or 'auxiliary', as getType() returns it and the simulator's wire carries it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks up 'main' or 'auxiliary'; anything else is INVALID_PARAMETER naming what was given. */
    public static StreamType named(String name) {
        return Presets.named(values(), StreamType::wireName, "stream type", name);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
