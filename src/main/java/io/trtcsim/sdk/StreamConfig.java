package io.trtcsim.sdk;

import io.trtcsim.media.VideoProfile;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RtcError;

/** TRTC.createStream's options: {userId, audio, video}, the video profile and where media comes from. */
public record StreamConfig(String userId, boolean audio, boolean video, VideoProfile videoProfile, MediaInput input) {

    public StreamConfig {
        if (!audio && !video) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "a stream needs audio, video or both");
        }
        if (videoProfile == null) {
            videoProfile = VideoProfile.DEFAULT;
        }
        if (input == null) {
            input = MediaInput.synthetic();
        }
    }

    public StreamConfig(String userId, boolean audio, boolean video, VideoProfile videoProfile) {
        this(userId, audio, video, videoProfile, MediaInput.synthetic());
    }

    public static StreamConfig of(String userId, boolean audio, boolean video) {
        return new StreamConfig(userId, audio, video, VideoProfile.DEFAULT, MediaInput.synthetic());
    }
}
