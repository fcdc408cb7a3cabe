package io.trtcsim.simulator.sfu;

/** What an m= section carries; anything but audio and video (application, text) is refused in answers. */
public enum MediaKind {
    AUDIO("audio"), VIDEO("video"), OTHER("");

    private final String sdp;

    MediaKind(String sdp) {
        this.sdp = sdp;
    }

    public String sdp() {
        return sdp;
    }

    static MediaKind fromSdp(String text) {
        return switch (text) {
            case "audio" -> AUDIO;
            case "video" -> VIDEO;
            default -> OTHER;
        };
    }
}
