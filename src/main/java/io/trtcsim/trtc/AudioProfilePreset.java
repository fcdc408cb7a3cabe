package io.trtcsim.trtc;

/**
 * The named profiles of LocalStream.setAudioProfile in v4: sample rate, channels and bitrate.
 * 'standard' is the default.
 */
public enum AudioProfilePreset {
    STANDARD("standard", 48_000, 1, 40),
    HIGH("high", 48_000, 1, 128),
    STANDARD_STEREO("standard-stereo", 48_000, 2, 64),
    HIGH_STEREO("high-stereo", 48_000, 2, 192);

    private final String trtcName;
    private final int sampleRate;
    private final int channels;
    private final int bitrateKbps;

    AudioProfilePreset(String trtcName, int sampleRate, int channels, int bitrateKbps) {
        this.trtcName = trtcName;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.bitrateKbps = bitrateKbps;
    }

    /** Looks up a profile by TRTC's name ("high"); anything else is INVALID_PARAMETER naming it and the known names. */
    public static AudioProfilePreset named(String name) {
        return Presets.named(values(), AudioProfilePreset::trtcName, "audio profile", name);
    }

    public String trtcName() {
        return trtcName;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    public int bitrateKbps() {
        return bitrateKbps;
    }

    @Override
    public String toString() {
        return trtcName;
    }
}
