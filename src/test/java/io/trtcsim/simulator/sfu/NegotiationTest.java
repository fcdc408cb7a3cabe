package io.trtcsim.simulator.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NegotiationTest {

    private static final IceCredentials OURS = new IceCredentials("sfuU", "sfuPasswordOf24CharsABC1");
    private static final String OUR_FINGERPRINT =
            "01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF";
    private static final SdpWriter.LocalEndpoint UPLINK = new SdpWriter.LocalEndpoint("10.1.2.3", 41000, OURS, OUR_FINGERPRINT);
    private static final SdpWriter.LocalEndpoint DOWNLINK = new SdpWriter.LocalEndpoint("10.1.2.3", 42000,
            new IceCredentials("dnUf", "downlinkPasswordOf24Chrs"), OUR_FINGERPRINT);
    private static final Set<SdpMediaType> BOTH = Set.of(SdpMediaType.AUDIO, SdpMediaType.VIDEO);

    private static final String TRANSPORT_CC = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    private static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    private static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    private static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

    private static Negotiation.UplinkAnswer answer() {
        return Negotiation.answerUplink(SdpFixtures.OFFER, UPLINK, BOTH);
    }

    @Test
    void theUplinkAnswerIsIceLiteAndDtlsPassive() {
        Negotiation.UplinkAnswer answer = answer();
        SessionDescription sdp = SessionDescription.parse(answer.sdp());

        assertThat(sdp.sessionAttributes()).contains("ice-lite", "group:BUNDLE 0 1");
        assertThat(sdp.media()).hasSize(3);
        for (MediaSection section : sdp.media().subList(0, 2)) {
            assertThat(section.port()).isEqualTo(41000);
            assertThat(section.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
            assertThat(section.attribute("setup")).contains("passive");
            assertThat(section.direction()).isEqualTo(MediaSection.Direction.RECVONLY);
            assertThat(section.attribute("ice-ufrag")).contains(OURS.ufrag());
            assertThat(section.attribute("ice-pwd")).contains(OURS.pwd());
            assertThat(section.attribute("fingerprint")).contains("sha-256 " + OUR_FINGERPRINT);
            assertThat(section.all("candidate")).containsExactly("1 1 udp 2130706431 10.1.2.3 41000 typ host generation 0");
            assertThat(section.has("rtcp-mux")).isTrue();
            assertThat(section.has("rtcp-rsize")).isTrue();
            assertThat(section.all("ssrc")).as("an answer that only receives announces no SSRC").isEmpty();
        }
        assertThat(sdp.media()).extracting(MediaSection::mid).containsExactly("0", "1", "2");
        assertThat(answer.remote()).isEqualTo(new Negotiation.RemoteEndpoint(SdpFixtures.PUBLISHER_UFRAG,
                SdpFixtures.PUBLISHER_FINGERPRINT));
    }

    @Test
    void theUplinkAnswerTakesOpusAndVp8OnlyWithoutRtxOrMid() {
        SessionDescription sdp = SessionDescription.parse(answer().sdp());
        MediaSection audio = sdp.media().get(0);
        MediaSection video = sdp.media().get(1);

        assertThat(audio.kind()).isEqualTo(SdpMediaType.AUDIO);
        assertThat(audio.formats()).containsExactly(111);
        assertThat(audio.all("rtpmap")).containsExactly("111 opus/48000/2");
        assertThat(audio.all("fmtp")).containsExactly("111 minptime=10;useinbandfec=1");

        assertThat(video.kind()).isEqualTo(SdpMediaType.VIDEO);
        assertThat(video.formats()).containsExactly(96);
        assertThat(video.all("rtpmap")).containsExactly("96 VP8/90000");
        assertThat(video.all("rtpmap")).noneMatch(rtpmap -> rtpmap.contains("rtx"));
        assertThat(video.all("fmtp")).isEmpty();
        assertThat(video.all("ssrc-group")).isEmpty();
        assertThat(video.extensions()).doesNotContainValue(MID)
                .doesNotContainValue("urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id")
                .doesNotContainValue("urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id")
                .containsEntry(14, "urn:ietf:params:rtp-hdrext:toffset").containsEntry(2, ABS_SEND_TIME)
                .containsEntry(13, "urn:3gpp:video-orientation");
        for (MediaSection section : List.of(audio, video)) {
            assertThat(section.extensions()).doesNotContainValue(MID);
            assertThat(section.all("rtcp-fb")).noneMatch(feedback -> feedback.contains("rtx") || feedback.contains("H264"));
        }
    }

    /** Since 81cfdc8 the plane sends transport-wide feedback on uplinks itself: transport-cc is answered there. */
    @Test
    void theUplinkAnswerTakesTransportCcWithTheOfferedId() {
        Negotiation.UplinkAnswer answer = answer();
        SessionDescription sdp = SessionDescription.parse(answer.sdp());
        MediaSection audio = sdp.media().get(0);
        MediaSection video = sdp.media().get(1);

        assertThat(audio.extensions()).containsOnly(java.util.Map.entry(1, AUDIO_LEVEL), java.util.Map.entry(2, ABS_SEND_TIME),
                java.util.Map.entry(3, TRANSPORT_CC));
        assertThat(audio.all("rtcp-fb")).containsExactly("111 transport-cc");
        assertThat(video.extensions()).containsEntry(3, TRANSPORT_CC);
        assertThat(video.all("rtcp-fb")).containsExactly("96 goog-remb", "96 ccm fir", "96 nack", "96 nack pli",
                "96 transport-cc");
        assertThat(answer.tracks()).extracting(ForwardedTrack::transportCcId).containsExactly(3, 3);
        assertThat(answer.tracks()).allSatisfy(track -> {
            assertThat(track.codec().feedback()).as("not forwarded to downlinks").doesNotContain("transport-cc");
            assertThat(track.extensions()).doesNotContainValue(TRANSPORT_CC);
        });
    }

    @Test
    void noTransportCcIsAnsweredWhenTheCodecDoesNotOfferIt() {
        String offer = SdpFixtures.OFFER.replace("a=rtcp-fb:111 transport-cc\r\n", "")
                .replace("a=rtcp-fb:96 transport-cc\r\n", "");
        Negotiation.UplinkAnswer answer = Negotiation.answerUplink(offer, UPLINK, BOTH);

        for (MediaSection section : SessionDescription.parse(answer.sdp()).media().subList(0, 2)) {
            assertThat(section.all("rtcp-fb")).noneMatch(feedback -> feedback.contains("transport-cc"));
            assertThat(section.extensions()).doesNotContainValue(TRANSPORT_CC);
        }
        assertThat(answer.tracks()).allSatisfy(track -> assertThat(track.uplinkTransportCc()).isFalse());
    }

    @Test
    void noTransportCcIsAnsweredWithoutItsExtension() {
        String offer = SdpFixtures.OFFER.replace("a=extmap:3 " + TRANSPORT_CC + "\r\n", "");
        Negotiation.UplinkAnswer answer = Negotiation.answerUplink(offer, UPLINK, BOTH);

        assertThat(answer.tracks()).allSatisfy(track -> assertThat(track.uplinkTransportCc()).isFalse());
        assertThat(answer.sdp()).doesNotContain("transport-cc").doesNotContain(TRANSPORT_CC);
    }

    @Test
    void theUnsupportedApplicationSectionIsRejectedWithPortZero() {
        MediaSection application = SessionDescription.parse(answer().sdp()).media().get(2);

        assertThat(application.kind()).isEqualTo(SdpMediaType.OTHER);
        assertThat(application.port()).isZero();
        assertThat(application.rejected()).isTrue();
        assertThat(application.mid()).isEqualTo("2");
        assertThat(application.protocol()).isEqualTo("UDP/DTLS/SCTP");
        assertThat(application.all("candidate")).isEmpty();
        assertThat(SessionDescription.parse(answer().sdp()).sessionAttribute("group")).contains("BUNDLE 0 1");
    }

    @Test
    void theUplinkTracksAreWhatThePublisherSends() {
        List<ForwardedTrack> tracks = answer().tracks();

        assertThat(tracks).hasSize(2);
        ForwardedTrack audio = tracks.get(0);
        assertThat(audio.kind()).isEqualTo(SdpMediaType.AUDIO);
        assertThat(audio.mid()).isEqualTo("0");
        assertThat(audio.ssrc()).isEqualTo(SdpFixtures.AUDIO_SSRC);
        assertThat(audio.cname()).isEqualTo(SdpFixtures.CNAME);
        assertThat(audio.clockRate()).isEqualTo(48000);
        assertThat(audio.reducedSizeRtcp()).isTrue();
        ForwardedTrack video = tracks.get(1);
        assertThat(video.kind()).isEqualTo(SdpMediaType.VIDEO);
        assertThat(video.ssrc()).as("the media SSRC of the FID group, not its RTX").isEqualTo(SdpFixtures.VIDEO_SSRC);
        assertThat(video.codec().payloadType()).isEqualTo(96);
        assertThat(video.codec().feedback()).containsExactly("goog-remb", "ccm fir", "nack", "nack pli");
    }

    @Test
    void onlyTheKindsTheStreamAnnouncesAreTaken() {
        SessionDescription sdp = SessionDescription.parse(
                Negotiation.answerUplink(SdpFixtures.OFFER, UPLINK, Set.of(SdpMediaType.VIDEO)).sdp());

        assertThat(sdp.media().get(0).port()).isZero();
        assertThat(sdp.media().get(0).direction()).isEqualTo(MediaSection.Direction.INACTIVE);
        assertThat(sdp.media().get(1).port()).isEqualTo(41000);
        assertThat(sdp.sessionAttribute("group")).contains("BUNDLE 1");
    }

    @Test
    void aDataChannelSectionFirstDoesNotStopTheOffer() {
        // libwebrtc puts the data channel first when it was created before the tracks; it has no a=rtcp-mux.
        String offer = SdpFixtures.session("2 0 1") + SdpFixtures.APPLICATION_SECTION + SdpFixtures.AUDIO_SECTION
                + SdpFixtures.VIDEO_SECTION;

        Negotiation.UplinkAnswer answer = Negotiation.answerUplink(offer, UPLINK, BOTH);

        SessionDescription sdp = SessionDescription.parse(answer.sdp());
        assertThat(sdp.media()).extracting(MediaSection::port).containsExactly(0, 41000, 41000);
        assertThat(answer.tracks()).extracting(ForwardedTrack::kind).containsExactly(SdpMediaType.AUDIO, SdpMediaType.VIDEO);
    }

    @Test
    void audioWithoutOpusIsRefused() {
        String offer = SdpFixtures.session("0") + SdpFixtures.AUDIO_SECTION.replace("opus/48000/2", "speex/16000");

        assertThatThrownBy(() -> Negotiation.answerUplink(offer, UPLINK, BOTH))
                .isExactlyInstanceOf(SdpException.class).hasMessageContaining("Opus");
    }

    @Test
    void anOfferThatSendsNothingIsRefused() {
        String offer = SdpFixtures.session("0") + SdpFixtures.AUDIO_SECTION.replace("a=sendonly", "a=recvonly");

        assertThatThrownBy(() -> Negotiation.answerUplink(offer, UPLINK, BOTH))
                .isExactlyInstanceOf(SdpException.class).hasMessageContaining("sends no audio or video");
    }

    @Test
    void anOfferWithPassiveSetupIsRefused() {
        String offer = SdpFixtures.OFFER.replace("a=setup:actpass", "a=setup:passive");

        assertThatThrownBy(() -> Negotiation.answerUplink(offer, UPLINK, BOTH))
                .isExactlyInstanceOf(SdpException.class).hasMessageContaining("a=setup:passive");
    }

    @Test
    void shortIceCredentialsAreRefused() {
        String offer = SdpFixtures.OFFER.replace("a=ice-pwd:" + SdpFixtures.PUBLISHER_PWD, "a=ice-pwd:short");

        assertThatThrownBy(() -> Negotiation.answerUplink(offer, UPLINK, BOTH))
                .isExactlyInstanceOf(SdpException.class).hasMessageContaining("ICE credentials");
    }

    // ---- downlinks

    private static String downlinkOffer() {
        return Negotiation.offerDownlink(answer().tracks(), DOWNLINK, "s1");
    }

    @Test
    void theDownlinkOfferRepeatsThePublishersTracks() {
        SessionDescription offer = SessionDescription.parse(downlinkOffer());

        assertThat(offer.sessionAttributes()).contains("ice-lite", "group:BUNDLE 0 1");
        assertThat(offer.media()).hasSize(2);
        MediaSection audio = offer.media().get(0);
        MediaSection video = offer.media().get(1);
        assertThat(audio.formats()).containsExactly(111);
        assertThat(video.formats()).containsExactly(96);
        assertThat(audio.extensions()).containsOnly(java.util.Map.entry(1, AUDIO_LEVEL), java.util.Map.entry(2, ABS_SEND_TIME));
        assertThat(video.extensions()).containsEntry(14, "urn:ietf:params:rtp-hdrext:toffset")
                .containsEntry(2, ABS_SEND_TIME).doesNotContainValue(TRANSPORT_CC).doesNotContainValue(MID);
        assertThat(audio.ssrcs()).containsExactly(SdpFixtures.AUDIO_SSRC);
        assertThat(video.ssrcs()).containsExactly(SdpFixtures.VIDEO_SSRC);
        assertThat(audio.ssrcAttribute(SdpFixtures.AUDIO_SSRC, "cname")).contains(SdpFixtures.CNAME);
        assertThat(video.ssrcAttribute(SdpFixtures.VIDEO_SSRC, "cname")).contains(SdpFixtures.CNAME);
        assertThat(audio.ssrcAttribute(SdpFixtures.AUDIO_SSRC, "msid")).contains("audio-s1 audio-track-s1");
        assertThat(video.ssrcAttribute(SdpFixtures.VIDEO_SSRC, "msid")).contains("video-s1 video-track-s1");
        assertThat(video.attribute("msid")).contains("video-s1 video-track-s1");
        for (MediaSection section : offer.media()) {
            assertThat(section.direction()).isEqualTo(MediaSection.Direction.SENDONLY);
            assertThat(section.attribute("setup")).contains("actpass");
            assertThat(section.attribute("ice-ufrag")).contains("dnUf");
            assertThat(section.port()).isEqualTo(42000);
            assertThat(section.has("rtcp-mux")).isTrue();
        }
        assertThat(video.all("rtcp-fb")).containsExactly("96 goog-remb", "96 ccm fir", "96 nack", "96 nack pli");
        assertThat(downlinkOffer()).as("downlinks never see transport-cc").doesNotContain("transport-cc")
                .doesNotContain(TRANSPORT_CC);
    }

    /** What a subscriber's libwebrtc answers to the downlink offer. */
    private static String subscriberAnswer(String audioDirection, String setup) {
        String transport = "a=ice-ufrag:subU\r\na=ice-pwd:subscriberPasswordOf24Ch\r\n"
                + "a=fingerprint:sha-256 " + SdpFixtures.PUBLISHER_FINGERPRINT + "\r\na=setup:" + setup + "\r\n";
        return "v=0\r\no=- 77 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n" + transport + "a=mid:0\r\n"
                + "a=extmap:1 " + AUDIO_LEVEL + "\r\na=" + audioDirection + "\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\n" + transport + "a=mid:1\r\n"
                + "a=recvonly\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\n";
    }

    @Test
    void aSubscriberAnswerTakingBothKinds() {
        Negotiation.DownlinkAnswer answer = Negotiation.readDownlinkAnswer(subscriberAnswer("recvonly", "active"),
                answer().tracks());

        assertThat(answer.receivedKinds()).containsExactlyInAnyOrder(SdpMediaType.AUDIO, SdpMediaType.VIDEO);
        assertThat(answer.remote()).isEqualTo(new Negotiation.RemoteEndpoint("subU", SdpFixtures.PUBLISHER_FINGERPRINT));
    }

    @Test
    void anInactiveAudioSectionLeavesOnlyVideo() {
        Negotiation.DownlinkAnswer answer = Negotiation.readDownlinkAnswer(subscriberAnswer("inactive", "active"),
                answer().tracks());

        assertThat(answer.receivedKinds()).containsExactly(SdpMediaType.VIDEO);
    }

    @Test
    void aRejectedAudioSectionLeavesOnlyVideo() {
        String sdp = subscriberAnswer("recvonly", "active").replace("m=audio 9 ", "m=audio 0 ");

        assertThat(Negotiation.readDownlinkAnswer(sdp, answer().tracks()).receivedKinds()).containsExactly(SdpMediaType.VIDEO);
    }

    @Test
    void aPassiveSubscriberIsRefused() {
        assertThatThrownBy(() -> Negotiation.readDownlinkAnswer(subscriberAnswer("recvonly", "passive"), answer().tracks()))
                .isExactlyInstanceOf(SdpException.class).hasMessageContaining("a=setup:passive");
        assertThatThrownBy(() -> Negotiation.readDownlinkAnswer(subscriberAnswer("recvonly", "actpass"), answer().tracks()))
                .as("actpass is for offers").isExactlyInstanceOf(SdpException.class).hasMessageContaining("a=setup:actpass");
    }

    @Test
    void anUnknownMidIsRefused() {
        String sdp = subscriberAnswer("recvonly", "active").replace("a=mid:1", "a=mid:7");

        assertThatThrownBy(() -> Negotiation.readDownlinkAnswer(sdp, answer().tracks()))
                .isExactlyInstanceOf(SdpException.class).hasMessageContaining("mid '7'");
    }

    @Test
    void aKnownMidOfTheWrongKindIsRefused() {
        String sdp = subscriberAnswer("recvonly", "active").replace("a=mid:1", "a=mid:0");

        assertThatThrownBy(() -> Negotiation.readDownlinkAnswer(sdp, answer().tracks()))
                .isExactlyInstanceOf(SdpException.class).hasMessageContaining("mid '0'").hasMessageContaining("VIDEO");
    }

    @Test
    void aFingerprintOtherThanSha256IsRefused() {
        String sdp = subscriberAnswer("recvonly", "active").replace("a=fingerprint:sha-256 ", "a=fingerprint:sha-1 ");

        assertThatThrownBy(() -> Negotiation.readDownlinkAnswer(sdp, answer().tracks()))
                .isExactlyInstanceOf(SdpException.class).hasMessageContaining("sha-256");
    }

    @Test
    void aMissingFingerprintIsRefused() {
        String sdp = subscriberAnswer("recvonly", "active").replaceAll("a=fingerprint:[^\r]*\r\n", "");

        assertThatThrownBy(() -> Negotiation.readDownlinkAnswer(sdp, answer().tracks()))
                .isExactlyInstanceOf(SdpException.class).hasMessageContaining("a=fingerprint");
    }

    @Test
    void aMissingRtcpMuxIsRefused() {
        String sdp = subscriberAnswer("recvonly", "active").replace("a=rtcp-mux\r\n", "");

        assertThatThrownBy(() -> Negotiation.readDownlinkAnswer(sdp, answer().tracks()))
                .isExactlyInstanceOf(SdpException.class).hasMessageContaining("rtcp-mux");
    }

    @Test
    void anAnswerRejectingEverythingIsRefused() {
        String sdp = subscriberAnswer("recvonly", "active").replace(" 9 UDP", " 0 UDP");

        assertThatThrownBy(() -> Negotiation.readDownlinkAnswer(sdp, answer().tracks()))
                .isExactlyInstanceOf(SdpException.class).hasMessageContaining("rejected");
    }
}
