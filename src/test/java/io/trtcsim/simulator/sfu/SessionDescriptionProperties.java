package io.trtcsim.simulator.sfu;

import static io.trtcsim.PropertyRuns.anyText;
import static io.trtcsim.PropertyRuns.mutated;
import static io.trtcsim.PropertyRuns.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.trtcsim.PropertyRuns;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The media plane's SDP reading ({@link SessionDescription}, {@link MediaSection}, {@link Negotiation})
 * takes any text a client sends: it returns a description or refuses with an {@link SdpException}
 * saying what is wrong, never another exception; and what it accepts it answers with an SDP it can
 * read back itself.
 */
class SessionDescriptionProperties {

    private static final SdpWriter.LocalEndpoint UPLINK = new SdpWriter.LocalEndpoint("10.1.2.3", 41000,
            new IceCredentials("sfuU", "sfuPasswordOf24CharsABC1"),
            "01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF");
    private static final Set<SdpMediaType> BOTH = Set.of(SdpMediaType.AUDIO, SdpMediaType.VIDEO);
    private static final List<String> OFFER_LINES = PropertyRuns.lines(SdpFixtures.OFFER);

    /** Lines that look like SDP: a letter, '=', and anything; sometimes one of the offer's own lines. */
    private static final Gen<String> SDP_LINE = SourceDSL.integers().between('a', 'z')
            .zip(anyText(40), (letter, rest) -> (char) letter.intValue() + "=" + rest)
            .mix(Generate.pick(OFFER_LINES), 50)
            .mix(SourceDSL.strings().numeric().map(n -> "m=audio " + n + " UDP/TLS/RTP/SAVPF " + n), 10);

    /** Texts that start as an SDP does and go on with lines of any kind. */
    private static final Gen<String> SDP_LIKE = SourceDSL.lists().of(SDP_LINE).ofSizeBetween(0, 40)
            .map(lines -> "v=0\r\n" + String.join("\r\n", lines) + "\r\n");

    /** The publisher's offer with one line replaced, deleted, repeated or changed by one character. */
    private static final Gen<String> MUTATED_OFFER = mutated(SdpFixtures.OFFER)
            .mix(SourceDSL.integers().between(0, OFFER_LINES.size() - 1).zip(SDP_LINE, (at, line) -> {
                List<String> lines = PropertyRuns.lines(SdpFixtures.OFFER);
                lines.set(at, line);
                return String.join("\r\n", lines) + "\r\n";
            }), 40);

    @Test
    void anyTextIsReadOrRefusedWithAnSdpException() {
        qt(600).forAll(anyText(300).mix(SDP_LIKE, 60)).checkAssert(SessionDescriptionProperties::readOrRefused);
    }

    @Test
    void aMutatedOfferIsReadOrRefusedWithAnSdpException() {
        qt(600).forAll(MUTATED_OFFER).checkAssert(SessionDescriptionProperties::readOrRefused);
    }

    @Test
    void aMutatedOfferIsAnsweredWithAReadableAnswerOrRefused() {
        qt(600).forAll(MUTATED_OFFER.mix(SDP_LIKE, 20)).checkAssert(offer -> {
            Negotiation.UplinkAnswer answer;
            try {
                answer = Negotiation.answerUplink(offer, UPLINK, BOTH);
            } catch (SdpException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return;
            }
            SessionDescription read = SessionDescription.parse(offer);
            SessionDescription answered = SessionDescription.parse(answer.sdp());
            // One answer section per offer section, in its order, with its mid (RFC 8829 5.3.1).
            assertThat(answered.media()).extracting(MediaSection::mid)
                    .containsExactlyElementsOf(read.media().stream().map(MediaSection::mid).toList());
            assertThat(answer.tracks()).isNotEmpty().allSatisfy(track -> {
                assertThat(track.kind()).isIn(SdpMediaType.AUDIO, SdpMediaType.VIDEO);
                assertThat(track.ssrc()).isBetween(0L, 0xFFFFFFFFL);
                assertThat(track.codec().clockRate()).isPositive();
            });
            // What the plane wrote, it reads: every accepted section's codec is there.
            for (MediaSection section : answered.media()) {
                if (!section.rejected()) {
                    assertThat(section.codecs()).isNotEmpty();
                    assertThat(section.extensions()).isNotNull();
                }
            }
        });
    }

    @Test
    void aMutatedOrArbitraryDownlinkAnswerIsReadOrRefused() {
        List<ForwardedTrack> offered = Negotiation.answerUplink(SdpFixtures.OFFER, UPLINK, BOTH).tracks();
        qt(500).forAll(MUTATED_OFFER.mix(SDP_LIKE, 30)).checkAssert(answer -> {
            Throwable thrown = catchThrowable(() -> Negotiation.readDownlinkAnswer(answer, offered));
            if (thrown != null) {
                assertThat(thrown).isExactlyInstanceOf(SdpException.class);
                assertThat(thrown.getMessage()).isNotBlank();
            }
        });
    }

    /**
     * Parses and then asks every accessor the media plane uses; each either answers or refuses with
     * an {@link SdpException} that says something.
     */
    private static void readOrRefused(String sdp) {
        Throwable thrown = catchThrowable(() -> {
            SessionDescription description = SessionDescription.parse(sdp);
            assertThat(description.media()).isNotEmpty().hasSizeLessThanOrEqualTo(SessionDescription.MAX_MEDIA_SECTIONS);
            for (MediaSection section : description.media()) {
                assertThat(section.port()).isBetween(0, 65535);
                assertThat(section.formats()).allSatisfy(format -> assertThat(format).isBetween(-1, 127));
                section.codecs();
                section.extensions().keySet().forEach(id -> assertThat(id).isBetween(1, 255));
                section.ssrcs().forEach(ssrc -> assertThat(ssrc).isBetween(0L, 0xFFFFFFFFL));
                section.mediaSsrc();
                section.direction();
            }
        });
        if (thrown instanceof AssertionError failed) {
            throw failed;
        }
        if (thrown != null) {
            assertThat(thrown).as("refusal of %s", SessionDescription.abbreviate(sdp)).isExactlyInstanceOf(SdpException.class);
            assertThat(thrown.getMessage()).isNotBlank();
        }
    }
}
