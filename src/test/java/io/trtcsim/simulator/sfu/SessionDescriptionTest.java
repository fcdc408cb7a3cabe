package io.trtcsim.simulator.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionDescriptionTest {

    private static final SdpWriter.LocalEndpoint LOCAL = new SdpWriter.LocalEndpoint("127.0.0.1", 40000,
            new IceCredentials("ourU", "ourPasswordOf24CharsXYZ1"), "AA:BB:CC");

    @Test
    void parsesALibwebrtcOffer() {
        SessionDescription offer = SessionDescription.parse(SdpFixtures.OFFER);

        assertThat(offer.sessionAttribute("group")).contains("BUNDLE 0 1 2");
        assertThat(offer.sessionAttribute("extmap-allow-mixed")).contains("");
        assertThat(offer.sessionAttribute("ice-lite")).isEmpty();
        assertThat(offer.media()).extracting(MediaSection::kind)
                .containsExactly(SdpMediaType.AUDIO, SdpMediaType.VIDEO, SdpMediaType.OTHER);
        assertThat(offer.media()).extracting(MediaSection::mid).containsExactly("0", "1", "2");
        assertThat(offer.media()).allSatisfy(section -> {
            assertThat(section.port()).isEqualTo(9);
            assertThat(section.rejected()).isFalse();
            assertThat(offer.required(section, "ice-ufrag")).isEqualTo(SdpFixtures.PUBLISHER_UFRAG);
            assertThat(offer.required(section, "ice-pwd")).isEqualTo(SdpFixtures.PUBLISHER_PWD);
            assertThat(offer.required(section, "fingerprint")).isEqualTo("sha-256 " + SdpFixtures.PUBLISHER_FINGERPRINT);
            assertThat(offer.required(section, "setup")).isEqualTo("actpass");
            assertThat(section.all("candidate")).hasSize(3).first().asString().endsWith("typ host generation 0 network-id 1");
        });
    }

    @Test
    void readsTheAudioSection() {
        MediaSection audio = SessionDescription.parse(SdpFixtures.OFFER).media().get(0);

        assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(audio.formats()).containsExactly(111, 63, 9, 0, 8, 13, 110, 126);
        assertThat(audio.direction()).isEqualTo(MediaSection.Direction.SENDONLY);
        assertThat(audio.has("rtcp-mux")).isTrue();
        assertThat(audio.has("rtcp-rsize")).isTrue();
        Map<Integer, MediaSection.Codec> codecs = audio.codecs();
        assertThat(codecs.keySet()).containsExactly(111, 63, 9, 0, 8, 13, 110, 126);
        MediaSection.Codec opus = codecs.get(111);
        assertThat(opus.name()).isEqualTo("opus");
        assertThat(opus.clockRate()).isEqualTo(48000);
        assertThat(opus.rtpmap()).isEqualTo("opus/48000/2");
        assertThat(opus.fmtp()).isEqualTo("minptime=10;useinbandfec=1");
        assertThat(opus.feedback()).containsExactly("transport-cc");
        assertThat(codecs.get(63).isRetransmissionOrRedundancy()).isTrue();
        assertThat(codecs.get(0).fmtp()).isNull();
        assertThat(audio.extensions()).containsExactly(
                Map.entry(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level"),
                Map.entry(2, "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"),
                Map.entry(3, "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"),
                Map.entry(4, "urn:ietf:params:rtp-hdrext:sdes:mid"));
        assertThat(audio.ssrcs()).containsExactly(SdpFixtures.AUDIO_SSRC);
        assertThat(audio.mediaSsrc()).contains(SdpFixtures.AUDIO_SSRC);
        assertThat(audio.ssrcAttribute(SdpFixtures.AUDIO_SSRC, "cname")).contains(SdpFixtures.CNAME);
        assertThat(audio.ssrcAttribute(SdpFixtures.AUDIO_SSRC, "label")).isEmpty();
    }

    @Test
    void readsTheVideoSectionWithItsRtxGroup() {
        MediaSection video = SessionDescription.parse(SdpFixtures.OFFER).media().get(1);

        assertThat(video.formats()).containsExactly(96, 97, 102, 103, 45, 46);
        MediaSection.Codec vp8 = video.codecs().get(96);
        assertThat(vp8.name()).isEqualTo("VP8");
        assertThat(vp8.clockRate()).isEqualTo(90000);
        assertThat(vp8.feedback()).containsExactly("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");
        MediaSection.Codec rtx = video.codecs().get(97);
        assertThat(rtx.isRetransmissionOrRedundancy()).isTrue();
        assertThat(rtx.fmtp()).isEqualTo("apt=96");
        assertThat(video.codecs().get(102).fmtp()).contains("profile-level-id=42001f");
        assertThat(video.extensions()).hasSize(11).containsEntry(4, "urn:ietf:params:rtp-hdrext:sdes:mid")
                .containsEntry(14, "urn:ietf:params:rtp-hdrext:toffset");
        assertThat(video.ssrcs()).containsExactly(SdpFixtures.VIDEO_SSRC, SdpFixtures.VIDEO_RTX_SSRC);
        assertThat(video.mediaSsrc()).contains(SdpFixtures.VIDEO_SSRC);
    }

    @Test
    void theMediaSsrcIsTheFirstOfTheFidGroupEvenWhenTheRtxSsrcIsListedFirst() {
        String reordered = SdpFixtures.VIDEO_SECTION
                .replace("a=ssrc-group:FID " + SdpFixtures.VIDEO_SSRC + " " + SdpFixtures.VIDEO_RTX_SSRC + "\r\n", "")
                .replace("a=rtpmap:96 VP8", "a=ssrc-group:FID " + SdpFixtures.VIDEO_SSRC + " " + SdpFixtures.VIDEO_RTX_SSRC
                        + "\r\na=ssrc:" + SdpFixtures.VIDEO_RTX_SSRC + " cname:x\r\na=rtpmap:96 VP8");
        MediaSection video = SessionDescription.parse(SdpFixtures.session("1") + reordered).media().get(0);

        assertThat(video.ssrcs()).first().isEqualTo(SdpFixtures.VIDEO_RTX_SSRC);
        assertThat(video.mediaSsrc()).contains(SdpFixtures.VIDEO_SSRC);
    }

    @Test
    void acceptsBareNewlinesAndDefaultsToSendrecv() {
        SessionDescription description = SessionDescription.parse("v=0\nm=audio 9 RTP/AVP 0\na=mid:a\n");

        assertThat(description.media()).singleElement().satisfies(section -> {
            assertThat(section.mid()).isEqualTo("a");
            assertThat(section.direction()).isEqualTo(MediaSection.Direction.SENDRECV);
        });
    }

    @Test
    void aMissingAttributeIsNamed() {
        SessionDescription description = SessionDescription.parse("v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:v\r\n");
        MediaSection video = description.media().get(0);

        assertThatThrownBy(() -> description.required(video, "ice-ufrag"))
                .isInstanceOf(SdpException.class).hasMessageContaining("a=ice-ufrag").hasMessageContaining("'v'");
    }

    @Test
    void sixteenMediaSectionsAreAcceptedSeventeenAreNot() {
        assertThat(SessionDescription.parse("v=0\r\n" + "m=audio 9 RTP/AVP 0\r\n".repeat(16)).media()).hasSize(16);
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\n" + "m=audio 9 RTP/AVP 0\r\n".repeat(17)))
                .isInstanceOf(SdpException.class).hasMessageContaining("more than 16 media sections");
    }

    @Test
    void twoThousandLinesAreAcceptedMoreAreNot() {
        String body = "m=audio 9 RTP/AVP 0\r\n" + "a=x-filler\r\n".repeat(1998);
        assertThat(SessionDescription.parse("v=0\r\n" + body).media().get(0).attributes()).hasSize(1998);
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\n" + body + "a=x-filler\r\n"))
                .isInstanceOf(SdpException.class).hasMessageContaining("2001 lines");
    }

    static Stream<Arguments> malformedDescriptions() {
        String v = "v=0\r\n";
        String audio = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
        return Stream.of(
                Arguments.of("null", null, "empty"),
                Arguments.of("empty", "", "empty"),
                Arguments.of("blank", " \r\n\t\r\n", "empty"),
                Arguments.of("not v=0 first", "o=- 1 2 IN IP4 127.0.0.1\r\nv=0\r\n" + audio, "starts with 'v=0'"),
                Arguments.of("version 1", "v=1\r\n" + audio, "'v=1'"),
                Arguments.of("a leading space", " v=0\r\n" + audio, "starts with 'v=0'"),
                Arguments.of("a line without '='", v + audio + "a-rtcp-mux\r\n", "line 3"),
                Arguments.of("a line of one character", v + audio + "a\r\n", "line 3"),
                Arguments.of("an upper-case type", v + "M=audio 9 RTP/AVP 0\r\n", "line 2"),
                Arguments.of("no media section", v + "o=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", "no media section"),
                Arguments.of("an m= line with too few fields", v + "m=audio 9 RTP/AVP\r\n", "needs kind, port"),
                Arguments.of("an empty m= line", v + "m=\r\n", "needs kind, port"),
                Arguments.of("a non-numeric port", v + "m=audio nine UDP/TLS/RTP/SAVPF 111\r\n", "port"),
                Arguments.of("a port of only a slash", v + "m=audio / UDP/TLS/RTP/SAVPF 111\r\n", "port"),
                Arguments.of("a port above 65535", v + "m=audio 65536 UDP/TLS/RTP/SAVPF 111\r\n", "65536"),
                Arguments.of("a negative port", v + "m=video -9 UDP/TLS/RTP/SAVPF 96\r\n", "-9"),
                Arguments.of("a port beyond int", v + "m=video 99999999999 UDP/TLS/RTP/SAVPF 96\r\n", "port"),
                Arguments.of("a non-numeric payload type", v + "m=audio 9 UDP/TLS/RTP/SAVPF opus\r\n", "payload type 'opus'"),
                Arguments.of("a payload type of 128", v + "m=video 9 UDP/TLS/RTP/SAVPF 96 128\r\n", "payload type 128"),
                Arguments.of("a negative payload type", v + "m=video 9 UDP/TLS/RTP/SAVPF -1\r\n", "payload type -1"),
                Arguments.of("too many sections", v + audio.repeat(17), "media sections"),
                Arguments.of("too many lines", v + audio + "a=sendonly\r\n".repeat(SessionDescription.MAX_LINES), "lines"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDescriptions")
    void malformedDescriptionsAreRefusedWithAReason(String what, String sdp, String reason) {
        assertThatThrownBy(() -> SessionDescription.parse(sdp))
                .as(what).isExactlyInstanceOf(SdpException.class).hasMessageContaining(reason);
    }

    static Stream<Arguments> malformedAttributes() {
        return Stream.of(
                Arguments.of("a non-numeric extmap id", "a=extmap:x urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                        (Consumer<MediaSection>) MediaSection::extensions, "id that is not a number"),
                Arguments.of("an extmap id of only a slash", "a=extmap:/ urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                        (Consumer<MediaSection>) MediaSection::extensions, "id that is not a number"),
                Arguments.of("an extmap id of 0", "a=extmap:0 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                        (Consumer<MediaSection>) MediaSection::extensions, "id 0"),
                Arguments.of("an extmap id of 256", "a=extmap:256/sendonly urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                        (Consumer<MediaSection>) MediaSection::extensions, "id 256"),
                Arguments.of("an extmap without URI", "a=extmap:5",
                        (Consumer<MediaSection>) MediaSection::extensions, "no URI"),
                Arguments.of("a non-numeric SSRC", "a=ssrc:abc cname:x",
                        (Consumer<MediaSection>) MediaSection::ssrcs, "SSRC 'abc'"),
                Arguments.of("an empty SSRC", "a=ssrc:",
                        (Consumer<MediaSection>) MediaSection::ssrcs, "SSRC"),
                Arguments.of("an SSRC of 2^32", "a=ssrc:4294967296 cname:x",
                        (Consumer<MediaSection>) MediaSection::ssrcs, "4294967296"),
                Arguments.of("a negative SSRC", "a=ssrc:-1 cname:x",
                        (Consumer<MediaSection>) MediaSection::ssrcs, "-1"),
                Arguments.of("a non-numeric SSRC in an FID group", "a=ssrc-group:FID one two",
                        (Consumer<MediaSection>) MediaSection::mediaSsrc, "SSRC 'one'"),
                Arguments.of("a non-numeric clock rate", "a=rtpmap:96 VP8/ninety",
                        (Consumer<MediaSection>) MediaSection::codecs, "clock rate"),
                Arguments.of("an rtpmap of only a slash", "a=rtpmap:96 /",
                        (Consumer<MediaSection>) MediaSection::codecs, "a=rtpmap:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedAttributes")
    void malformedAttributesAreRefusedWhenRead(String what, String attribute, Consumer<MediaSection> read, String reason) {
        MediaSection section = SessionDescription.parse("v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n" + attribute + "\r\n")
                .media().get(0);

        assertThatThrownBy(() -> read.accept(section)).as(what)
                .isExactlyInstanceOf(SdpException.class).hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedAttributes")
    void malformedAttributesInAnOfferAreRefusedByTheNegotiation(String what, String attribute, Consumer<MediaSection> unused,
                                                               String reason) {
        // Into the audio section, which has no FID group: every a=ssrc line is read there.
        String audio = attribute.startsWith("a=rtpmap:96")
                ? SdpFixtures.AUDIO_SECTION.replace("a=rtpmap:111 opus/48000/2", attribute.replace("96", "111"))
                : SdpFixtures.AUDIO_SECTION.replace("a=mid:0\r\n", "a=mid:0\r\n" + attribute + "\r\n");
        String offer = SdpFixtures.session("0 1") + audio + SdpFixtures.VIDEO_SECTION;

        assertThatThrownBy(() -> Negotiation.answerUplink(offer, LOCAL, Set.of(SdpMediaType.AUDIO, SdpMediaType.VIDEO)))
                .as(what).isExactlyInstanceOf(SdpException.class).hasMessageContaining(reason);
    }

    /**
     * Whatever a peer sends, parsing and negotiating either work or fail with an SdpException:
     * the offer mutated at random (characters replaced, deleted, duplicated, numbers replaced).
     */
    @Test
    void mutatedOffersFailOnlyWithSdpExceptions() {
        Random random = new Random(20261201);
        List<String> replacements = List.of("/", "", " ", "-1", "x", "99999999999", "4294967296", "128", "0", ":", "=",
                "//", "\r\n", "a=", "m=");
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder sdp = new StringBuilder(SdpFixtures.OFFER);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sdp.length());
                int length = Math.min(sdp.length() - at, random.nextInt(6));
                switch (random.nextInt(4)) {
                    case 0 -> sdp.replace(at, at + length, replacements.get(random.nextInt(replacements.size())));
                    case 1 -> sdp.delete(at, at + length);
                    case 2 -> sdp.insert(at, sdp.substring(at, at + length));
                    default -> {
                        // the next number (port, payload type, extmap id, SSRC, clock rate) replaced
                        java.util.regex.Matcher number = java.util.regex.Pattern.compile("\\d+").matcher(sdp);
                        if (number.find(at)) {
                            sdp.replace(number.start(), number.end(), replacements.get(random.nextInt(replacements.size())));
                        }
                    }
                }
            }
            String mutated = sdp.toString();
            try {
                Negotiation.answerUplink(mutated, LOCAL, Set.of(SdpMediaType.AUDIO, SdpMediaType.VIDEO));
            } catch (SdpException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                refused++;
            } catch (RuntimeException other) {
                fail("mutation " + i + " failed with " + other + " instead of an SdpException:\n" + mutated, other);
            }
        }
        assertThat(refused).as("mutations refused").isPositive();
    }
}
