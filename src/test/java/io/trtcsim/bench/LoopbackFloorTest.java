package io.trtcsim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The floor's own mechanics on real loopback sockets: every socket is read once a round, timed. */
class LoopbackFloorTest {

    @Test
    void everySocketReadsItsMessageEachRound() throws Exception {
        List<FanOutRound.Percentiles> rounds = new LoopbackFloor(40, 2, 250).measure(3);

        assertThat(rounds).hasSize(3);
        for (FanOutRound.Percentiles round : rounds) {
            assertThat(round.p50()).as("p50 of %s", round.describe()).isPositive();
            assertThat(round.p99()).as(round.describe()).isGreaterThanOrEqualTo(round.p50());
            assertThat(round.max()).as(round.describe()).isGreaterThanOrEqualTo(round.p99()).isLessThan(30_000);
        }
    }

    @Test
    void refusesAnEmptyFloorNamingTheCounts() {
        assertThatThrownBy(() -> new LoopbackFloor(0, 2, 250))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0, 2, 250");
    }
}
