package io.trtcsim.trtc;

import java.util.Locale;

/** MediaDeviceInfo.kind, as TRTC.getDevices() reports it: a microphone, a camera or a speaker. */
public enum DeviceKind {
    AUDIO_INPUT("audioinput", "microphone"),
    VIDEO_INPUT("videoinput", "camera"),
    AUDIO_OUTPUT("audiooutput", "speaker");

    private final String wireName;
    private final String noun;

    DeviceKind(String wireName, String noun) {
        this.wireName = wireName;
        this.noun = noun;
    }

    /** 'audioinput', 'videoinput' or 'audiooutput'. */
    public String wireName() {
        return wireName;
    }

    /** 'microphone', 'camera' or 'speaker': what a person calls it. */
    public String noun() {
        return noun;
    }

    /** By its noun ('camera') or its kind ('videoinput'); INVALID_PARAMETER naming anything else. */
    public static DeviceKind named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (DeviceKind kind : values()) {
            if (kind.noun.equals(lower) || kind.wireName.equals(lower)) {
                return kind;
            }
        }
        throw new RtcError(ErrorCode.INVALID_PARAMETER, "device kind '" + name
                + "' is not one of microphone, camera, speaker (audioinput, videoinput, audiooutput)");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
