package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.trtcsim.trtc.MediaKind;
import org.junit.jupiter.api.Test;

class SubscribeOptionsTest {

    @Test
    void theKindsNotAskedForAreRefused() {
        assertThat(SubscribeOptions.BOTH.refusedKinds()).isEmpty();
        assertThat(new SubscribeOptions(false, true).refusedKinds()).containsExactly(MediaKind.AUDIO);
        assertThat(new SubscribeOptions(true, false).refusedKinds()).containsExactly(MediaKind.VIDEO);
        assertThat(new SubscribeOptions(false, false).refusedKinds()).containsExactlyInAnyOrder(MediaKind.AUDIO, MediaKind.VIDEO);
    }
}
