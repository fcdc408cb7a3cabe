package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.trtcsim.media.StatsSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SendingBitrateTest {

    private static StatsSample video(long seconds, long bytesSent) {
        return new StatsSample(seconds * 1_000_000, "uplink", "outbound-rtp", "video", Map.of("bytesSent", bytesSent));
    }

    @Test
    void theRateIsTheBytesSentOverTheLastTwoSeconds() {
        List<StatsSample> samples = new ArrayList<>();
        for (int second = 0; second <= 5; second++) {
            // 100 kbit/s for three seconds, then 300 kbit/s.
            long bytes = second <= 3 ? second * 12_500L : 3 * 12_500L + (second - 3) * 37_500L;
            samples.add(video(second, bytes));
            samples.add(new StatsSample(second * 1_000_000, "uplink", "outbound-rtp", "audio", Map.of("bytesSent", 999_999L)));
        }
        assertThat(SendingBitrate.videoKbps(samples)).hasValueCloseTo(300.0, Offset.offset(0.1));
        assertThat(SendingBitrate.videoKbps(samples.subList(0, 8))).hasValueCloseTo(100.0, Offset.offset(0.1));
    }

    @Test
    void noRateBeforeTwoSamplesOrAcrossACounterReset() {
        assertThat(SendingBitrate.videoKbps(List.of(video(0, 0)))).isEmpty();
        assertThat(SendingBitrate.videoKbps(List.of(video(0, 90_000), video(1, 100_000), video(2, 5_000)))).isEmpty();
    }
}
