package io.trtcsim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkConditionsTest {

    @Test
    void aShareOutsideZeroToHundredIsRefusedNamingIt() {
        assertThatThrownBy(() -> LinkConditions.NONE.withLoss(120))
                .hasMessageContaining("120.0%").hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> LinkConditions.NONE.withLoss(-1)).hasMessageContaining("-1.0%");
    }

    @Test
    void aNegativeDelayOrJitterIsRefusedNamingIt() {
        assertThatThrownBy(() -> LinkConditions.NONE.withDelay(Duration.ofMillis(-5)))
                .hasMessageContaining("delay of -5 ms is negative");
        assertThatThrownBy(() -> LinkConditions.NONE.withJitter(Duration.ofMillis(-1), false))
                .hasMessageContaining("jitter of -1 ms is negative");
    }

    @Test
    void aNegativeCapacityAnEmptyQueueAndAShortBurstAreRefused() {
        assertThatThrownBy(() -> LinkConditions.NONE.withCapacity(-300)).hasMessageContaining("-300 kbps");
        assertThatThrownBy(() -> LinkConditions.NONE.withCapacity(300, 0)).hasMessageContaining("queue of 0 packets");
        assertThatThrownBy(() -> LinkConditions.NONE.withLoss(5, 0.5)).hasMessageContaining("burst of 0.5");
    }

    @Test
    void theWireFormRoundTrips() {
        LinkConditions shaped = LinkConditions.NONE.withLoss(10, 3).withDelay(Duration.ofMillis(200))
                .withJitter(Duration.ofMillis(50), true).withCapacity(300, 20).withDown(true);
        assertThat(LinkConditions.fromWire(shaped.toWire())).isEqualTo(shaped);
    }

    @Test
    void missingWireFieldsAreUntouchedAndUnknownOrMistypedOnesAreRefused() {
        assertThat(LinkConditions.fromWire(Map.of("delayMs", 80))).isEqualTo(LinkConditions.NONE.withDelay(Duration.ofMillis(80)));
        assertThatThrownBy(() -> LinkConditions.fromWire(Map.of("latencyMs", 80)))
                .hasMessageContaining("unknown network condition 'latencyMs'").hasMessageContaining("delayMs");
        assertThatThrownBy(() -> LinkConditions.fromWire(Map.of("delayMs", "80")))
                .hasMessageContaining("'delayMs' must be a number");
        assertThatThrownBy(() -> LinkConditions.fromWire(Map.of("down", 1)))
                .hasMessageContaining("'down' must be true or false");
    }

    @Test
    void noneIsNoneAndAnyConditionIsNot() {
        assertThat(LinkConditions.NONE.isNone()).isTrue();
        assertThat(LinkConditions.NONE.withDown(true).isNone()).isFalse();
        assertThat(LinkConditions.NONE.withCapacity(300).isNone()).isFalse();
        assertThat(NetworkConditions.NONE.withDown(true).withDown(false).isNone()).isTrue();
    }

    @Test
    void theNetworkOfAParticipantGoesDownBothWays() {
        NetworkConditions down = NetworkConditions.NONE.with(Direction.UPLINK, LinkConditions.NONE.withLoss(5)).withDown(true);
        assertThat(down.uplink().down()).isTrue();
        assertThat(down.downlink().down()).isTrue();
        assertThat(down.uplink().lossPercent()).isEqualTo(5);
    }
}
