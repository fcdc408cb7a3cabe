package io.trtcsim.sdk;

import io.trtcsim.media.VideoProfile;

/** TRTC.createStream's options: {userId, audio, video}, and the video profile to capture at. */
public record StreamConfig(String userId, boolean audio, boolean video, VideoProfile videoProfile) {

    public StreamConfig {
        if (!audio && !video) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "a stream needs audio, video or both");
        }
        if (videoProfile == null) {
            videoProfile = VideoProfile.DEFAULT;
        }
    }

    public static StreamConfig of(String userId, boolean audio, boolean video) {
        return new StreamConfig(userId, audio, video, VideoProfile.DEFAULT);
    }
}
