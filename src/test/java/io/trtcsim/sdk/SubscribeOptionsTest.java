package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscribeOptionsTest {

    @Test
    void theKindsNotAskedForAreRefused() {
        assertThat(SubscribeOptions.BOTH.refusedKinds()).isEmpty();
        assertThat(new SubscribeOptions(false, true).refusedKinds()).containsExactly("audio");
        assertThat(new SubscribeOptions(true, false).refusedKinds()).containsExactly("video");
        assertThat(new SubscribeOptions(false, false).refusedKinds()).containsExactlyInAnyOrder("audio", "video");
    }
}
