package io.trtcsim.trtc;

/**
 * The named profiles of LocalStream.setVideoProfile, as Tencent's v4 "set video profile" tutorial
 * lists them: picture size, frame rate and the bitrate the encoder is capped at.
 */
public enum VideoProfilePreset {
    P120("120p", 160, 120, 15, 200),
    P180("180p", 320, 180, 15, 350),
    P240("240p", 320, 240, 15, 400),
    P360("360p", 640, 360, 15, 800),
    P480("480p", 640, 480, 15, 900),
    P720("720p", 1280, 720, 15, 1500),
    P1080("1080p", 1920, 1080, 15, 2000),
    P1440("1440p", 2560, 1440, 30, 4860),
    P4K("4K", 3840, 2160, 30, 9000);

    private final String trtcName;
    private final int width;
    private final int height;
    private final int frameRate;
    private final int bitrateKbps;

    VideoProfilePreset(String trtcName, int width, int height, int frameRate, int bitrateKbps) {
        this.trtcName = trtcName;
        this.width = width;
        this.height = height;
        this.frameRate = frameRate;
        this.bitrateKbps = bitrateKbps;
    }

    /** Looks up a profile by TRTC's name ("480p"); anything else is INVALID_PARAMETER naming it and the known names. */
    public static VideoProfilePreset named(String name) {
        return Presets.named(values(), VideoProfilePreset::trtcName, "video profile", name);
    }

    public String trtcName() {
        return trtcName;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int frameRate() {
        return frameRate;
    }

    public int bitrateKbps() {
        return bitrateKbps;
    }

    @Override
    public String toString() {
        return trtcName;
    }
}
