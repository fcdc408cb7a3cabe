package io.trtcsim.media.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.trtcsim.media.InboundVideoStats;
import org.junit.jupiter.api.Test;

class DecodedVideoMetricsTest {

    @Test
    void theWindowIsTheDifferenceOfTheCountersOverItsLength() {
        InboundVideoStats first = new InboundVideoStats(1_000_000, 100, 1, 0.4, 50_000, 2, 320, 180);
        InboundVideoStats last = new InboundVideoStats(3_000_000, 129, 3, 1.0, 100_000, 5, 640, 360);

        DecodedVideoMetrics window = DecodedVideoMetrics.between(first, last);

        assertThat(window.windowMicros()).isEqualTo(2_000_000);
        assertThat(window.framesDecoded()).isEqualTo(29);
        assertThat(window.meanFps()).isCloseTo(14.5, within(1e-9));
        assertThat(window.freezeCount()).isEqualTo(2);
        assertThat(window.freezeTotalMillis()).isCloseTo(600, within(1e-9));
        assertThat(window.bitrateKbps()).isCloseTo(200, within(1e-9));
        assertThat(window.packetsLost()).isEqualTo(3);
        assertThat(window.width()).isEqualTo(640);
        assertThat(window.height()).isEqualTo(360);
        assertThat(window.describe()).isEqualTo("video from libwebrtc's statistics over 2.000 s: 29 frames decoded, 14.5 fps,"
                + " 2 freezes (total 600.0 ms), 200 kbit/s, 3 packets lost, 640x360");
    }

    @Test
    void readingsOfTwoStreamsOrOutOfOrderAreRefused() {
        InboundVideoStats earlier = new InboundVideoStats(1_000_000, 100, 0, 0, 0, 0, 320, 180);
        InboundVideoStats restarted = new InboundVideoStats(2_000_000, 10, 0, 0, 0, 0, 320, 180);

        assertThatThrownBy(() -> DecodedVideoMetrics.between(earlier, restarted))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two streams");
        assertThatThrownBy(() -> DecodedVideoMetrics.between(restarted, earlier))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("later second reading");
    }
}
