package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.trtcsim.media.MediaClock;
import io.trtcsim.media.MediaEngine;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.Mode;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The periodic events of a client without media: with no connection and no signaling, network
 * quality is measured without libwebrtc (6, disconnected), so its delivery rules show on a fake clock.
 */
class PeriodicMonitorsTest {

    private static final Supplier<MediaEngine> NO_ENGINE = () -> {
        throw new AssertionError("no media in this test");
    };
    private static final SdkOptions OPTIONS = new SdkOptions(Duration.ofSeconds(5), Duration.ofSeconds(5),
            MediaClock.system(), System.nanoTime());

    private final FakeTicks ticks = new FakeTicks(0);
    private final ClientRuntime runtime = ClientRuntime.create();
    private final EventDelivery events = new EventDelivery("carol", new EventJournal(System.nanoTime()), runtime.pool());
    private final ClientStatistics statistics = new ClientStatistics("carol", MediaClock.system(),
            new Uplink("carol", NO_ENGINE, OPTIONS, () -> null),
            new Subscriptions(new ClientConfig(Mode.RTC, 1400000001L, "carol", "sig", false), NO_ENGINE,
                    Rendering.FRAMES, OPTIONS, events, () -> null),
            ticks);
    private BooleanSupplier signalingConnected = () -> false;
    private final PeriodicMonitors monitors = new PeriodicMonitors(statistics, events,
            () -> signalingConnected.getAsBoolean());

    @AfterEach
    void close() {
        monitors.close();
        statistics.close();
        events.close();
        runtime.close();
    }

    private List<NetworkQuality> qualities() {
        events.awaitDelivered();
        return events.journal().entries().stream()
                .filter(entry -> entry.event() == ClientEvent.NETWORK_QUALITY)
                .map(entry -> (NetworkQuality) entry.payload())
                .toList();
    }

    @Test
    void networkQualityComesEveryTwoSecondsFromStartToStop() {
        monitors.startNetworkQuality();
        ticks.advanceTo(4_000);
        assertThat(qualities()).hasSize(2)
                .allMatch(quality -> quality.uplinkNetworkQuality() == NetworkQuality.DISCONNECTED
                        && quality.downlinkNetworkQuality() == NetworkQuality.DISCONNECTED);

        monitors.stopNetworkQuality();
        ticks.advanceTo(10_000);

        assertThat(qualities()).hasSize(2);
        assertThat(ticks.pending()).isZero();
    }

    @Test
    void aMeasurementThatFinishesAfterItsMonitorStoppedIsNotDelivered() {
        monitors.startNetworkQuality();
        signalingConnected = () -> {
            // The leave happens while the measurement is under way.
            monitors.stopNetworkQuality();
            return false;
        };

        ticks.advanceTo(2_000);

        assertThat(qualities()).isEmpty();
    }

    @Test
    void aRestartedMonitorDeliversOnlyItsOwnMeasurements() {
        monitors.startNetworkQuality();
        signalingConnected = () -> {
            signalingConnected = () -> false;
            // A rejoin while the old monitor measures: its result is not the new monitor's.
            monitors.startNetworkQuality();
            return false;
        };

        ticks.advanceTo(2_000);
        assertThat(qualities()).isEmpty();
        ticks.advanceTo(4_000);
        assertThat(qualities()).hasSize(1);
    }

    @Test
    void turningAudioVolumeOffTakesItsReaderOutOfTheSchedule() {
        monitors.enableAudioVolume(200);
        assertThat(ticks.pending()).isEqualTo(1);

        monitors.enableAudioVolume(0);

        assertThat(ticks.pending()).isZero();
    }

    @Test
    void nothingStartsOnceClosed() {
        monitors.close();
        monitors.startNetworkQuality();
        monitors.enableAudioVolume(200);

        assertThat(ticks.pending()).isZero();
    }
}
