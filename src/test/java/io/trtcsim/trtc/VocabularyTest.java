package io.trtcsim.trtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** TRTC's words read and written as its API and the wire spell them; anything else is refused by name. */
class VocabularyTest {

    @Test
    void wordsRoundTrip() {
        for (MediaKind kind : MediaKind.values()) {
            assertThat(MediaKind.named(kind.wireName())).isEqualTo(kind);
        }
        for (Mode mode : Mode.values()) {
            assertThat(Mode.named(mode.wireName())).isEqualTo(mode);
        }
        for (Role role : Role.values()) {
            assertThat(Role.named(role.wireName())).isEqualTo(role);
        }
        assertThat(MediaKind.AUDIO).hasToString("audio");
        assertThat(Mode.LIVE).hasToString("live");
        assertThat(Role.AUDIENCE).hasToString("audience");
    }

    @Test
    void unknownWordsAreInvalidParameterNamingThem() {
        assertThatThrownBy(() -> MediaKind.named("Video")).isInstanceOf(RtcError.class)
                .hasMessageContaining("kind 'Video' is neither 'audio' nor 'video'")
                .extracting(e -> ((RtcError) e).errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThatThrownBy(() -> Mode.named("webinar")).isInstanceOf(RtcError.class)
                .hasMessageContaining("mode 'webinar' is neither 'rtc' nor 'live'");
        assertThatThrownBy(() -> Role.named("host")).isInstanceOf(RtcError.class)
                .hasMessageContaining("role 'host' is neither 'anchor' nor 'audience'");
    }
}
