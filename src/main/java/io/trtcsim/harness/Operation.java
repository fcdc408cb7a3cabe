package io.trtcsim.harness;

/**
 * The calls a participant makes whose duration and outcome a scenario checks later ("alice joined
 * within 2 seconds", "mallory fails to join with error ..."), named as TRTC's API names them.
 */
public enum Operation {
    JOIN("join"),
    LEAVE("leave"),
    INITIALIZE("initialize"),
    PUBLISH("publish"),
    UNPUBLISH("unpublish"),
    SUBSCRIBE("subscribe"),
    UNSUBSCRIBE("unsubscribe"),
    SWITCH_ROLE("switchRole"),
    ADD_TRACK("addTrack"),
    REMOVE_TRACK("removeTrack"),
    SET_VIDEO_PROFILE("setVideoProfile"),
    SET_AUDIO_PROFILE("setAudioProfile"),
    ENABLE_SMALL_STREAM("enableSmallStream"),
    SET_REMOTE_VIDEO_STREAM_TYPE("setRemoteVideoStreamType"),
    SWITCH_DEVICE("switchDevice"),
    REPLACE_TRACK("replaceTrack");

    private final String apiName;

    Operation(String apiName) {
        this.apiName = apiName;
    }

    @Override
    public String toString() {
        return apiName;
    }
}
