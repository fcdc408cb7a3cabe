package io.trtcsim.simulator.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallbackPolicyTest {

    @Test
    void documentedPolicyIsTrtcs() {
        CallbackPolicy policy = CallbackPolicy.documented();

        assertThat(policy.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.immediateRetries()).isEqualTo(1);
        assertThat(policy.retryInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.giveUpAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.spacedRetries()).isEqualTo(6);
        assertThat(policy.maxAttempts()).isEqualTo(8);
    }

    @Test
    void spacedRetriesRoundDown() {
        CallbackPolicy policy = new CallbackPolicy(Duration.ofMillis(200), 1, Duration.ofMillis(150),
                Duration.ofMillis(500));

        assertThat(policy.spacedRetries()).isEqualTo(3);
        assertThat(policy.maxAttempts()).isEqualTo(5);
    }

    @Test
    void noSpacedRetriesWhenGiveUpAfterIsZero() {
        CallbackPolicy policy = new CallbackPolicy(Duration.ofSeconds(1), 0, Duration.ofSeconds(1), Duration.ZERO);

        assertThat(policy.maxAttempts()).isEqualTo(1);
    }

    @Test
    void rejectsInconsistentValuesSayingWhich() {
        Duration second = Duration.ofSeconds(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CallbackPolicy(Duration.ZERO, 1, second, second))
                .withMessageContaining("timeout must be positive");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CallbackPolicy(second, -1, second, second))
                .withMessageContaining("immediateRetries must not be negative");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CallbackPolicy(second, 1, Duration.ofMillis(-5), second))
                .withMessageContaining("retryInterval must be positive");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CallbackPolicy(second, 1, second, Duration.ofSeconds(-1)))
                .withMessageContaining("giveUpAfter must not be negative");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CallbackPolicy(second, 1, Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .withMessageContaining("shorter than retryInterval");
        assertThatNullPointerException()
                .isThrownBy(() -> new CallbackPolicy(null, 1, second, second))
                .withMessage("timeout");
    }
}
