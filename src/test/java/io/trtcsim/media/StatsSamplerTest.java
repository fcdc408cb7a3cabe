package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StatsSamplerTest {

    private static RTCStats entry(String id, RTCStatsType type, Map<String, Object> values) {
        return new RTCStats(0, type, id, values) { };
    }

    private static RTCStatsReport report(RTCStats... entries) {
        Map<String, RTCStats> byId = new LinkedHashMap<>();
        for (RTCStats stats : entries) {
            byId.put(stats.getId(), stats);
        }
        return new RTCStatsReport(byId, 0) { };
    }

    @Test
    void keepsTheDeliveryEntriesWithTheirKeptValuesStampedWhenRecorded() {
        AtomicLong nanos = new AtomicLong();
        StatsSampler sampler = new StatsSampler(new MediaClock(5_000_000, nanos::get));
        RTCStatsReport report = report(
                entry("in", RTCStatsType.INBOUND_RTP, Map.of("kind", "video", "packetsLost", 3L, "ssrc", 42L)),
                entry("track", RTCStatsType.MEDIA_SOURCE, Map.of("kind", "audio", "audioLevel", 0.3)));

        sampler.record("bob downlink alice_main", report);
        nanos.set(1_000_000_000L);
        sampler.record("bob downlink alice_main", report);

        assertThat(sampler.samples()).hasSize(2).allSatisfy(sample -> {
            assertThat(sample.type()).isEqualTo("inbound-rtp");
            assertThat(sample.kind()).isEqualTo("video");
            assertThat(sample.link()).isEqualTo("bob downlink alice_main");
            assertThat(sample.values()).containsOnly(Map.entry("kind", "video"), Map.entry("packetsLost", 3L));
        });
        assertThat(sampler.samples()).extracting(StatsSample::atMicros).containsExactly(5_000_000L, 6_000_000L);
    }
}
