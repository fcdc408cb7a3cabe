package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** TRTC.checkSystemRequirements(): the answer here, and the rule that makes its result. */
class SystemRequirementsTest {

    private static final SystemRequirements.Detail VP8_ONLY =
            new SystemRequirements.Detail(true, true, true, false, true, true, true);

    @Test
    void theAnswerHereHasWebRtcAndAResultItsDetailMeans() throws Exception {
        SystemRequirements answer = TRTC.checkSystemRequirements().get(30, TimeUnit.SECONDS);
        System.out.println("checkSystemRequirements() here: " + answer);

        SystemRequirements.Detail detail = answer.detail();
        assertThat(detail.isBrowserSupported()).as("the harness is the browser").isTrue();
        assertThat(detail.isWebRTCSupported()).as("libwebrtc loads here: the features run on it").isTrue();
        assertThat(answer.result()).as("result of %s", detail.fields()).isEqualTo(detail.met());
        assertThat(detail.isVp8EncodeSupported() && detail.isVp8DecodeSupported())
                .as("VP8 both ways (every call of the features is VP8): %s", detail.fields()).isTrue();
        assertThat(answer.result()).isTrue();
    }

    @Test
    void aCodecThatIsOnlyDecodedDoesNotMeetTheRequirements() {
        assertThat(SystemRequirements.of(VP8_ONLY).result()).as("VP8 both ways").isTrue();
        assertThat(SystemRequirements.of(new SystemRequirements.Detail(true, true, true, false, false, true, true))
                .result()).as("H.264 and VP8 decoded only").isFalse();
        assertThat(SystemRequirements.of(new SystemRequirements.Detail(true, true, true, true, false, true, false))
                .result()).as("H.264 both ways").isTrue();
        assertThat(SystemRequirements.of(new SystemRequirements.Detail(true, true, true, true, false, false, true))
                .result()).as("H.264 encoded, VP8 decoded: no codec both ways").isFalse();
    }

    @Test
    void withoutWebRtcTheRequirementsAreNotMetWhateverTheCodecs() {
        assertThat(SystemRequirements.of(new SystemRequirements.Detail(true, false, true, true, true, true, true))
                .result()).isFalse();
    }

    @Test
    void aResultThatContradictsItsDetailIsRefused() {
        assertThatThrownBy(() -> new SystemRequirements(false, VP8_ONLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("result false contradicts the detail")
                .hasMessageContaining("isVp8EncodeSupported=true");
    }

    @Test
    void theFieldsAreNamedAsTrtcNamesThemInItsOrder() {
        assertThat(VP8_ONLY.fields()).containsExactly(
                entry("isBrowserSupported", true), entry("isWebRTCSupported", true),
                entry("isMediaDevicesSupported", true), entry("isH264EncodeSupported", false),
                entry("isVp8EncodeSupported", true), entry("isH264DecodeSupported", true),
                entry("isVp8DecodeSupported", true));
        assertThat(VP8_ONLY.field("isH264EncodeSupported")).contains(false);
        assertThat(VP8_ONLY.field("isAv1EncodeSupported")).isEmpty();
    }

    private static Map.Entry<String, Boolean> entry(String name, boolean value) {
        return Map.entry(name, value);
    }
}
