package io.trtcsim.simulator.sfu;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the media plane's side of a negotiation: an ICE-lite, DTLS-passive description with one
 * host candidate, RTCP multiplexed, everything in one BUNDLE group.
 */
final class SdpWriter {

    private final StringBuilder sdp = new StringBuilder();
    private final LocalEndpoint endpoint;

    /** Where a link listens and who it is: address, port, ICE credentials, certificate fingerprint. */
    record LocalEndpoint(String host, int port, IceCredentials ice, String fingerprint) {
    }

    SdpWriter(LocalEndpoint endpoint, List<String> bundledMids) {
        this.endpoint = endpoint;
        line("v=0");
        line("o=trtcsim-sfu " + (ThreadLocalRandom.current().nextLong() >>> 2) + " 2 IN IP4 " + endpoint.host());
        line("s=-");
        line("t=0 0");
        line("a=ice-lite");
        if (!bundledMids.isEmpty()) {
            line("a=group:BUNDLE " + String.join(" ", bundledMids));
        }
        line("a=msid-semantic: WMS");
    }

    /** A section the plane refuses: port 0, nothing else negotiated. */
    void rejected(MediaSection offered) {
        StringBuilder formats = new StringBuilder();
        offered.formats().forEach(format -> formats.append(' ').append(format < 0 ? 0 : format));
        String kind = offered.kind() == SdpMediaType.OTHER ? "application" : offered.kind().sdp();
        line("m=" + kind + " 0 " + offered.protocol() + (formats.length() == 0 ? " 0" : formats.toString()));
        line("c=IN IP4 0.0.0.0");
        line("a=mid:" + offered.mid());
        line("a=inactive");
    }

    /**
     * A section that carries one track, in the given direction, as the uplink negotiated it; the
     * uplink's side also takes transport-wide sequence numbers and their feedback.
     */
    void track(ForwardedTrack track, MediaSection.Direction direction, String setup, String msid, boolean uplinkSide) {
        MediaSection.Codec codec = track.codec();
        line("m=" + track.kind().sdp() + " " + endpoint.port() + " UDP/TLS/RTP/SAVPF " + codec.payloadType());
        line("c=IN IP4 " + endpoint.host());
        line("a=rtcp:" + endpoint.port() + " IN IP4 " + endpoint.host());
        line("a=candidate:1 1 udp 2130706431 " + endpoint.host() + " " + endpoint.port() + " typ host generation 0");
        line("a=end-of-candidates");
        line("a=ice-ufrag:" + endpoint.ice().ufrag());
        line("a=ice-pwd:" + endpoint.ice().pwd());
        line("a=fingerprint:sha-256 " + endpoint.fingerprint());
        line("a=setup:" + setup);
        line("a=mid:" + track.mid());
        for (Map.Entry<Integer, String> extension : track.extensions().entrySet()) {
            line("a=extmap:" + extension.getKey() + " " + extension.getValue());
        }
        boolean transportCc = uplinkSide && track.uplinkTransportCc();
        if (transportCc) {
            line("a=extmap:" + track.transportCcId() + " " + ForwardedTrack.TRANSPORT_CC_URI);
        }
        line("a=" + direction.sdp());
        if (msid != null) {
            line("a=msid:" + msid);
        }
        line("a=rtcp-mux");
        if (track.reducedSizeRtcp()) {
            line("a=rtcp-rsize");
        }
        line("a=rtpmap:" + codec.payloadType() + " " + codec.rtpmap());
        for (String feedback : codec.feedback()) {
            line("a=rtcp-fb:" + codec.payloadType() + " " + feedback);
        }
        if (transportCc) {
            line("a=rtcp-fb:" + codec.payloadType() + " transport-cc");
        }
        if (codec.fmtp() != null) {
            line("a=fmtp:" + codec.payloadType() + " " + codec.fmtp());
        }
        if (msid != null) {
            line("a=ssrc:" + track.ssrc() + " cname:" + track.cname());
            line("a=ssrc:" + track.ssrc() + " msid:" + msid);
        }
    }

    private void line(String text) {
        sdp.append(text).append("\r\n");
    }

    @Override
    public String toString() {
        return sdp.toString();
    }
}
