package io.trtcsim.media;

/** Picture size and frame rate of a video source, as TRTC's setVideoProfile names them. */
public record VideoProfile(int width, int height, int frameRate) {

    /** TRTC's default camera profile '480p' is 640x480@15; the harness defaults to a lighter 320x180@15. */
    public static final VideoProfile DEFAULT = new VideoProfile(320, 180, 15);

    public VideoProfile {
        if (width < 112 || height < 64 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("video size " + width + "x" + height
                    + " is not supported: width and height must be even and at least 112x64");
        }
        if (frameRate < 1 || frameRate > 60) {
            throw new IllegalArgumentException("frame rate " + frameRate + " fps is outside 1..60");
        }
    }

    public long frameIntervalMicros() {
        return 1_000_000L / frameRate;
    }

    @Override
    public String toString() {
        return width + "x" + height + "@" + frameRate;
    }
}
