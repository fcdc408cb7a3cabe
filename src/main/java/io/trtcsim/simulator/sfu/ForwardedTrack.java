package io.trtcsim.simulator.sfu;

import java.util.List;
import java.util.Map;

/**
 * One track of a publisher as the uplink negotiated it, which is what every downlink of the stream
 * offers again: same mid, codec and payload type, header extensions with the same ids, same SSRC.
 * Forwarded packets therefore pass through untouched but for their encryption.
 */
record ForwardedTrack(SdpMediaType kind, String mid, MediaSection.Codec codec, Map<Integer, String> extensions,
                      long ssrc, String cname, boolean reducedSizeRtcp, int transportCcId) {

    static final String TRANSPORT_CC_URI = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    /** Whether the uplink negotiated transport-wide sequence numbers (the plane then sends feedback). */
    boolean uplinkTransportCc() {
        return transportCcId > 0;
    }

    /** Header extensions that mean the same on every link; transport-wide ones and MID/RID do not. */
    static final List<String> FORWARDABLE_EXTENSIONS = List.of(
            "urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "urn:ietf:params:rtp-hdrext:toffset",
            "urn:3gpp:video-orientation",
            "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay",
            "http://www.webrtc.org/experiments/rtp-hdrext/video-content-type",
            "http://www.webrtc.org/experiments/rtp-hdrext/video-timing",
            "http://www.webrtc.org/experiments/rtp-hdrext/color-space",
            "http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time");

    /**
     * Feedback the forwarder answers itself (NACK from its packet cache, key frame requests passed
     * on, REMB from its estimate). transport-cc is negotiated on the uplink only, where the plane
     * sends the feedback itself: its sequence numbers are per transport, so a downlink never gets
     * the publisher's.
     */
    static final List<String> FEEDBACK = List.of("nack", "nack pli", "ccm fir", "goog-remb");

    int clockRate() {
        return codec.clockRate();
    }
}
