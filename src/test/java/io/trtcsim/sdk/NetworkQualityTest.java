package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.trtcsim.trtc.ClientEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkQualityTest {

    @Test
    void qualityIsTheBestWhoseLossAndRoundTripLimitsBothHold() {
        assertThat(NetworkQuality.rate(0, 1)).isEqualTo(NetworkQuality.EXCELLENT);
        assertThat(NetworkQuality.rate(1, 100)).isEqualTo(NetworkQuality.EXCELLENT);
        assertThat(NetworkQuality.rate(1.1, 20)).isEqualTo(NetworkQuality.GOOD);
        assertThat(NetworkQuality.rate(0, 101)).isEqualTo(NetworkQuality.GOOD);
        assertThat(NetworkQuality.rate(5, 150)).isEqualTo(NetworkQuality.POOR);
        assertThat(NetworkQuality.rate(2, 450)).isEqualTo(NetworkQuality.BAD);
        assertThat(NetworkQuality.rate(15, 500)).isEqualTo(NetworkQuality.BAD);
        assertThat(NetworkQuality.rate(16, 10)).isEqualTo(NetworkQuality.VERY_BAD);
        assertThat(NetworkQuality.rate(0, 900)).isEqualTo(NetworkQuality.VERY_BAD);
    }

    @Test
    void aFigureNotMeasuredDoesNotCountAndNeitherMeasuredIsUnknown() {
        assertThat(NetworkQuality.rate(Double.NaN, Double.NaN)).isEqualTo(NetworkQuality.UNKNOWN);
        assertThat(NetworkQuality.rate(Double.NaN, 250)).isEqualTo(NetworkQuality.POOR);
        assertThat(NetworkQuality.rate(4, Double.NaN)).isEqualTo(NetworkQuality.POOR);
    }

    @Test
    void lossIsOverThePeriodBetweenTwoReadings() {
        assertThat(NetworkQualityMonitor.lossPercent(10, 1000, 15, 1095)).isEqualTo(5.0);
        assertThat(NetworkQualityMonitor.lossPercent(0, 0, 0, 300)).isZero();
        assertThat(NetworkQualityMonitor.lossPercent(3, 300, 3, 300)).as("nothing arrived").isNaN();
    }

    @Test
    void uplinkLossIsWhatTheReceiverReportedLostOverWhatWasSentInThePeriod() {
        assertThat(NetworkQualityMonitor.sentLossPercent(10, 1000, 30, 1200)).isEqualTo(10.0);
        assertThat(NetworkQualityMonitor.sentLossPercent(30, 1200, 30, 1400)).as("no new loss reported").isZero();
        assertThat(NetworkQualityMonitor.sentLossPercent(30, 1200, 28, 1400)).as("a report that went down").isZero();
        assertThat(NetworkQualityMonitor.sentLossPercent(0, 100, 5, 100)).as("nothing sent").isNaN();
    }

    @Test
    void theDownlinkIsItsWorstConnection() {
        NetworkQualityMonitor.Figures fine = new NetworkQualityMonitor.Figures(0, 2, false);
        NetworkQualityMonitor.Figures lossy = new NetworkQualityMonitor.Figures(9, 3, false);
        assertThat(NetworkQualityMonitor.worst(List.of(fine, lossy)).quality()).isEqualTo(NetworkQuality.BAD);
        assertThat(NetworkQualityMonitor.worst(List.of(fine, NetworkQualityMonitor.Figures.FAILED)).quality())
                .isEqualTo(NetworkQuality.DISCONNECTED);
        assertThat(NetworkQualityMonitor.worst(List.of()).quality()).isEqualTo(NetworkQuality.UNKNOWN);
    }

    @Test
    void theEventCarriesTrtcsFieldsAsATypedPayload() {
        NetworkQuality quality = new NetworkQuality(1, 2, 3, 0, 120, 2);
        TrtcEvent event = new TrtcEvent(ClientEvent.NETWORK_QUALITY, null, null, quality);
        assertThat(event.networkQuality()).contains(quality);
        assertThat(event.audioVolumes()).isEmpty();
        assertThat(quality.toString()).contains("uplinkNetworkQuality=1", "downlinkNetworkQuality=2", "uplinkRTT=3",
                "downlinkLoss=2");
    }
}
