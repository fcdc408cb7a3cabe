package io.trtcsim.sdk;

import io.trtcsim.media.VideoProfile;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RtcError;

/** setSmallStreamProfile's {width, height, frameRate, bitrate}: what the small stream of a dual stream is sent at. */
public record SmallStreamProfile(VideoProfile picture, int bitrateKbps) {

    /** TRTC's default small stream: 160x120 at 15 fps, 100 kbps. */
    public static final SmallStreamProfile DEFAULT = new SmallStreamProfile(new VideoProfile(160, 120, 15), 100);

    /** @throws RtcError INVALID_PARAMETER naming the value that cannot be captured or sent */
    public static SmallStreamProfile of(int width, int height, int frameRate, int bitrateKbps) {
        if (bitrateKbps <= 0) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "small stream bitrate " + bitrateKbps
                    + " kbps is not a positive number of kbps");
        }
        try {
            return new SmallStreamProfile(new VideoProfile(width, height, frameRate), bitrateKbps);
        } catch (IllegalArgumentException e) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "small stream profile: " + e.getMessage());
        }
    }
}
