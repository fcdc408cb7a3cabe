package io.trtcsim.simulator.sfu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The offer/answer rules of the media plane. An uplink answer takes, per section the publisher
 * sends, one codec (Opus for audio, the first video codec offered), no RTX (retransmissions then
 * come on the media SSRC, which the forwarder caches and passes on as they are), the forwardable
 * header extensions and the feedback the forwarder answers, and transport-cc when offered (the plane
 * sends that feedback itself). A downlink offer repeats all of it but transport-cc.
 */
final class Negotiation {

    private Negotiation() {
    }

    /** The other side of a link, from its description: whom to accept STUN and DTLS from. */
    record RemoteEndpoint(String ufrag, String fingerprint) {
    }

    record UplinkAnswer(String sdp, List<ForwardedTrack> tracks, RemoteEndpoint remote) {
    }

    static UplinkAnswer answerUplink(String offerSdp, SdpWriter.LocalEndpoint local, Set<SdpMediaType> publishedKinds) {
        SessionDescription offer = SessionDescription.parse(offerSdp);
        RemoteEndpoint remote = remoteEndpoint(offer, "actpass", "active");
        List<ForwardedTrack> tracks = new ArrayList<>();
        List<String> bundled = new ArrayList<>();
        List<MediaSection> sections = offer.media();
        List<ForwardedTrack> perSection = new ArrayList<>();
        for (MediaSection section : sections) {
            ForwardedTrack track = acceptable(section, publishedKinds) ? trackOf(section) : null;
            perSection.add(track);
            if (track != null) {
                tracks.add(track);
                bundled.add(track.mid());
            }
        }
        if (tracks.isEmpty()) {
            throw new SdpException("the offer sends no audio or video the stream announces (" + publishedKinds + ")");
        }
        SdpWriter answer = new SdpWriter(local, bundled);
        for (int i = 0; i < sections.size(); i++) {
            ForwardedTrack track = perSection.get(i);
            if (track == null) {
                answer.rejected(sections.get(i));
            } else {
                answer.track(track, MediaSection.Direction.RECVONLY, "passive", null, true);
            }
        }
        return new UplinkAnswer(answer.toString(), List.copyOf(tracks), remote);
    }

    /** The offer of a downlink: the uplink's tracks, sent, with their SSRCs and their own media stream ids. */
    static String offerDownlink(List<ForwardedTrack> tracks, SdpWriter.LocalEndpoint local, String streamId) {
        SdpWriter offer = new SdpWriter(local, tracks.stream().map(ForwardedTrack::mid).toList());
        for (ForwardedTrack track : tracks) {
            // Audio and video on separate media streams: one stream would make the receiver's
            // lip-sync delay the video (webrtc-java.md), and the old relay named them so too.
            String msid = track.kind().sdp() + "-" + streamId + " " + track.kind().sdp() + "-track-" + streamId;
            offer.track(track, MediaSection.Direction.SENDONLY, "actpass", msid, false);
        }
        return offer.toString();
    }

    /** A subscriber's answer: who it is, and which kinds it takes (a=inactive or port 0 refuses one). */
    record DownlinkAnswer(RemoteEndpoint remote, Set<SdpMediaType> receivedKinds) {
    }

    static DownlinkAnswer readDownlinkAnswer(String answerSdp, List<ForwardedTrack> offered) {
        SessionDescription answer = SessionDescription.parse(answerSdp);
        RemoteEndpoint remote = remoteEndpoint(answer, "active", "active");
        Set<SdpMediaType> received = new HashSet<>();
        for (MediaSection section : answer.media()) {
            boolean known = offered.stream().anyMatch(track -> track.mid().equals(section.mid()) && track.kind() == section.kind());
            if (!known) {
                throw new SdpException("the answer has a section (mid '" + section.mid() + "', " + section.kind()
                        + ") that the offer did not have");
            }
            if (!section.rejected() && section.direction().receives()) {
                received.add(section.kind());
            }
        }
        return new DownlinkAnswer(remote, Set.copyOf(received));
    }

    private static boolean acceptable(MediaSection section, Set<SdpMediaType> publishedKinds) {
        return !section.rejected() && publishedKinds.contains(section.kind()) && section.direction().sends()
                && section.protocol().equals("UDP/TLS/RTP/SAVPF") && section.mediaSsrc().isPresent();
    }

    private static ForwardedTrack trackOf(MediaSection section) {
        MediaSection.Codec chosen = null;
        for (MediaSection.Codec codec : section.codecs().values()) {
            if (codec.isRetransmissionOrRedundancy() || codec.name().equalsIgnoreCase("CN")
                    || codec.name().equalsIgnoreCase("telephone-event")) {
                continue;
            }
            if (section.kind() == SdpMediaType.AUDIO && !codec.name().equalsIgnoreCase("opus")) {
                continue;
            }
            chosen = codec;
            break;
        }
        if (chosen == null) {
            throw new SdpException("media section '" + section.mid() + "' offers no codec the forwarder takes"
                    + (section.kind() == SdpMediaType.AUDIO ? " (audio needs Opus)" : ""));
        }
        if (chosen.clockRate() <= 0) {
            throw new SdpException("a=rtpmap:" + chosen.payloadType() + " has no clock rate");
        }
        List<String> feedback = chosen.feedback().stream().filter(ForwardedTrack.FEEDBACK::contains).toList();
        int transportCcId = 0;
        if (chosen.feedback().contains("transport-cc")) {
            for (Map.Entry<Integer, String> offered : section.extensions().entrySet()) {
                if (offered.getValue().equals(ForwardedTrack.TRANSPORT_CC_URI) && offered.getKey() <= 14) {
                    transportCcId = offered.getKey();
                }
            }
        }
        MediaSection.Codec negotiated = new MediaSection.Codec(chosen.payloadType(), chosen.rtpmap(), chosen.name(),
                chosen.clockRate(), chosen.fmtp(), feedback);
        Map<Integer, String> extensions = new LinkedHashMap<>();
        section.extensions().forEach((id, uri) -> {
            if (ForwardedTrack.FORWARDABLE_EXTENSIONS.contains(uri) && id <= 14) {
                extensions.put(id, uri);
            }
        });
        long ssrc = section.mediaSsrc().orElseThrow();
        String cname = section.ssrcAttribute(ssrc, "cname").orElse("trtcsim");
        return new ForwardedTrack(section.kind(), section.mid(), negotiated, Map.copyOf(extensions), ssrc, cname,
                section.has("rtcp-rsize"), transportCcId);
    }

    private static RemoteEndpoint remoteEndpoint(SessionDescription description, String expectedSetup, String alsoAccepted) {
        // An RTP section: a data channel's m=application (first when created first) has no a=rtcp-mux.
        MediaSection first = description.media().stream()
                .filter(section -> !section.rejected() && section.kind() != SdpMediaType.OTHER).findFirst()
                .orElseThrow(() -> new SdpException("every audio or video section of the description is rejected (port 0)"));
        String ufrag = description.required(first, "ice-ufrag");
        String pwd = description.required(first, "ice-pwd");
        if (ufrag.length() < 4 || ufrag.length() > 256 || pwd.length() < 22 || pwd.length() > 256) {
            throw new SdpException("ICE credentials out of RFC 8839's bounds (ufrag 4..256, pwd 22..256 characters)");
        }
        String fingerprint = description.required(first, "fingerprint");
        String[] parts = fingerprint.split(" ");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("sha-256")) {
            throw new SdpException("a=fingerprint must be 'sha-256 <hash>', not '" + SessionDescription.abbreviate(fingerprint) + "'");
        }
        String setup = description.required(first, "setup");
        if (!setup.equals(expectedSetup) && !setup.equals(alsoAccepted)) {
            throw new SdpException("a=setup:" + setup + " cannot be served: the media plane is always the DTLS server"
                    + " (it needs the other side to be 'active' or 'actpass')");
        }
        if (!first.has("rtcp-mux")) {
            throw new SdpException("media section '" + first.mid() + "' lacks a=rtcp-mux, which the media plane requires");
        }
        return new RemoteEndpoint(ufrag, parts[1].toUpperCase(Locale.ROOT));
    }
}
