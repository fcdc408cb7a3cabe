package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundVideoStatsTest {

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
    void readsTheInboundVideoEntryWhateverNumberTypesWebrtcJavaGives() {
        // webrtc-java hands uint32 as Long, uint64 as BigInteger, int32 as Integer, double as Double.
        RTCStatsReport report = report(
                entry("audio", RTCStatsType.INBOUND_RTP, Map.of("kind", "audio", "bytesReceived", BigInteger.valueOf(999))),
                entry("out", RTCStatsType.OUTBOUND_RTP, Map.of("kind", "video", "framesEncoded", 77L)),
                entry("video", RTCStatsType.INBOUND_RTP, Map.of("kind", "video", "framesDecoded", 150L,
                        "freezeCount", 2L, "totalFreezesDuration", 0.75, "bytesReceived", BigInteger.valueOf(123_456),
                        "packetsLost", 3, "frameWidth", 320L, "frameHeight", 180L)));

        assertThat(InboundVideoStats.from(report, 42)).contains(
                new InboundVideoStats(42, 150, 2, 0.75, 123_456, 3, 320, 180));
    }

    @Test
    void countersLibwebrtcHasNotStartedReadZero() {
        RTCStatsReport report = report(entry("video", RTCStatsType.INBOUND_RTP, Map.of("kind", "video", "packetsLost", 0)));

        assertThat(InboundVideoStats.from(report, 7)).contains(new InboundVideoStats(7, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aReportWithoutInboundVideoHasNone() {
        RTCStatsReport report = report(entry("audio", RTCStatsType.INBOUND_RTP, Map.of("kind", "audio")),
                entry("pair", RTCStatsType.CANDIDATE_PAIR, Map.of("nominated", true)));

        assertThat(InboundVideoStats.from(report, 7)).isEmpty();
    }
}
