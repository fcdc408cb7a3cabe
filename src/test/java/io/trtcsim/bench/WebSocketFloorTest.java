package io.trtcsim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The WebSocket floor's own mechanics on real loopback WebSockets: every client parses each round's event, heartbeats are answered. */
class WebSocketFloorTest {

    @Test
    void everyClientParsesItsMessageEachRoundWhileHeartbeatsAreAnswered() throws Exception {
        WebSocketFloor floor = new WebSocketFloor(40, 170, Duration.ofMillis(50));

        List<FanOutRound.Percentiles> rounds = floor.measure(3);

        assertThat(rounds).hasSize(3);
        for (FanOutRound.Percentiles round : rounds) {
            assertThat(round.p50()).as("p50 of %s", round.describe()).isPositive();
            assertThat(round.p99()).as(round.describe()).isGreaterThanOrEqualTo(round.p50());
            assertThat(round.max()).as(round.describe()).isGreaterThanOrEqualTo(round.p99()).isLessThan(30_000);
        }
        assertThat(floor.heartbeatsAnswered()).as("heartbeat replies the 40 clients had").isPositive();
    }

    @Test
    void refusesAMessageTooSmallForTheEventNamingTheFigures() {
        assertThatThrownBy(() -> new WebSocketFloor(40, 20, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 40, 20, PT1S");
        assertThatThrownBy(() -> new WebSocketFloor(0, 170, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0, 170");
    }
}
