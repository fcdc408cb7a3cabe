package io.trtcsim.trtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfilePresetsTest {

    @Test
    void videoProfilesAreLookedUpByTencentsNamesWithTheirDocumentedValues() {
        VideoProfilePreset p480 = VideoProfilePreset.named("480p");
        assertThat(p480).isEqualTo(VideoProfilePreset.P480);
        assertThat(new int[] {p480.width(), p480.height(), p480.frameRate(), p480.bitrateKbps()})
                .containsExactly(640, 480, 15, 900);
        VideoProfilePreset p4k = VideoProfilePreset.named("4K");
        assertThat(new int[] {p4k.width(), p4k.height(), p4k.frameRate(), p4k.bitrateKbps()})
                .containsExactly(3840, 2160, 30, 9000);
        assertThat(VideoProfilePreset.values()).extracting(VideoProfilePreset::trtcName)
                .containsExactly("120p", "180p", "240p", "360p", "480p", "720p", "1080p", "1440p", "4K");
    }

    @Test
    void anUnknownVideoProfileIsInvalidParameterNamingItAndTheKnownNames() {
        assertThatThrownBy(() -> VideoProfilePreset.named("480P"))
                .isInstanceOfSatisfying(RtcError.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("'480P'").hasMessageContaining("120p, 180p");
    }

    @Test
    void audioProfilesHaveTheirDocumentedChannelsAndBitrates() {
        AudioProfilePreset high = AudioProfilePreset.named("high");
        assertThat(new int[] {high.sampleRate(), high.channels(), high.bitrateKbps()}).containsExactly(48_000, 1, 128);
        AudioProfilePreset stereo = AudioProfilePreset.named("high-stereo");
        assertThat(new int[] {stereo.sampleRate(), stereo.channels(), stereo.bitrateKbps()}).containsExactly(48_000, 2, 192);
        assertThatThrownBy(() -> AudioProfilePreset.named("loud"))
                .isInstanceOfSatisfying(RtcError.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("'loud' is not one of standard, high, standard-stereo, high-stereo");
    }
}
