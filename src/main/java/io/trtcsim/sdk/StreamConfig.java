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

    /**
     * createStream({userId, screen: true}): a screen-sharing stream, video only, at TRTC's default
     * screen profile '1080p' (1920x1080 at 5 fps; its 1600 kbps cap is the stream's, see LocalStream).
     */
    public static StreamConfig screen(String userId) {
        return new StreamConfig(userId, false, true, SCREEN_PROFILE, new MediaInput.Screen());
    }

    /** TRTC's default screen profile, '1080p': 1920x1080 at 5 fps (1600 kbps). */
    public static final VideoProfile SCREEN_PROFILE = new VideoProfile(1920, 1080, 5);
    /** The bitrate of TRTC's default screen profile. */
    public static final int SCREEN_BITRATE_KBPS = 1600;

    public static StreamConfig of(String userId, boolean audio, boolean video) {
        return new StreamConfig(userId, audio, video, VideoProfile.DEFAULT, MediaInput.synthetic());
    }
}
