package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.trtcsim.trtc.ClientEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AudioVolumeEvaluationTest {

    @Test
    void audioLevelBecomesAPercentRoundedAndClamped() {
        assertThat(AudioVolumeEvaluation.toVolume(0.0)).isZero();
        assertThat(AudioVolumeEvaluation.toVolume(0.2999969)).isEqualTo(30);
        assertThat(AudioVolumeEvaluation.toVolume(0.004)).isZero();
        assertThat(AudioVolumeEvaluation.toVolume(0.005)).isEqualTo(1);
        assertThat(AudioVolumeEvaluation.toVolume(1.0)).isEqualTo(100);
        assertThat(AudioVolumeEvaluation.toVolume(1.7)).isEqualTo(100);
        assertThat(AudioVolumeEvaluation.toVolume(-0.5)).isZero();
        assertThat(AudioVolumeEvaluation.toVolume(Double.NaN)).isZero();
    }

    @Test
    void anAudioVolumeEventCarriesTheVolumeOfEachUser() {
        TrtcEvent event = new TrtcEvent(ClientEvent.AUDIO_VOLUME, null, null, new AudioVolumes(Map.of("alice", 30, "bob", 0)));
        assertThat(event.audioVolumes()).containsOnly(Map.entry("alice", 30), Map.entry("bob", 0));
        TrtcEvent other = new TrtcEvent(ClientEvent.PEER_JOIN, "alice", null, EventPayload.NONE);
        assertThat(other.audioVolumes()).isEmpty();
    }
}
