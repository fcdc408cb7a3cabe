package io.trtcsim.simulator.sfu;

/**
 * The media type of an SDP m= section (RFC 8866 {@code <media>}); anything but audio and video (application,
 * text) is refused in answers. Not TRTC's MediaKind (io.trtcsim.trtc): this one has OTHER, as SDP does.
 */
public enum SdpMediaType {
    AUDIO("audio"), VIDEO("video"), OTHER("");

    private final String sdp;

    SdpMediaType(String sdp) {
        this.sdp = sdp;
    }

    public String sdp() {
        return sdp;
    }

    static SdpMediaType fromSdp(String text) {
        return switch (text) {
            case "audio" -> AUDIO;
            case "video" -> VIDEO;
            default -> OTHER;
        };
    }
}
