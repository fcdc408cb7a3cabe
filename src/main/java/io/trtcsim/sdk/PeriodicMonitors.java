package io.trtcsim.sdk;

import io.trtcsim.media.PeerLink;
import io.trtcsim.trtc.ClientEvent;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The client's periodic events: 'network-quality' every 2 s from join to leave, as TRTC's SDK does,
 * and 'audio-volume' while its evaluation is enabled. Both read the client's statistics rounds.
 *
 * <p>A measurement still under way when its monitor stops may finish later, on a libwebrtc thread:
 * it is never delivered, because each delivery checks, in the client's event queue when its turn comes, that
 * the monitor that measured it is still the running one. Turning audio-volume off also waits until
 * the events emitted before were delivered, so none of the old evaluation's arrives after it returns.
 */
final class PeriodicMonitors implements AutoCloseable {

    /** A running monitor's place in the poller's schedule; its token tells its measurements apart. */
    private record Running(Object token, StatsPoller.Registration registration) {
    }

    private final ClientStatistics statistics;
    private final EventDelivery events;
    private final BooleanSupplier signalingConnected;
    private final AtomicReference<Running> quality = new AtomicReference<>();
    private final AtomicReference<Running> volume = new AtomicReference<>();
    /** Held while audio-volume is switched, which may wait for the event queue; no libwebrtc thread takes it. */
    private final Object volumeSwitch = new Object();
    private volatile boolean closed;

    PeriodicMonitors(ClientStatistics statistics, EventDelivery events, BooleanSupplier signalingConnected) {
        this.statistics = statistics;
        this.events = events;
        this.signalingConnected = signalingConnected;
    }

    synchronized void startNetworkQuality() {
        stopNetworkQuality();
        if (!closed) {
            start(quality, NetworkQualityMonitor.PERIOD_MILLIS, ClientEvent.NETWORK_QUALITY, deliver ->
                    new NetworkQualityMonitor(() -> statistics.qualityLinks(signalingConnected.getAsBoolean()),
                            deliver::accept));
        }
    }

    synchronized void stopNetworkQuality() {
        stop(quality);
    }

    /** See {@link Client#enableAudioVolumeEvaluation}: 0 or less turns it off. */
    void enableAudioVolume(int intervalMillis) {
        synchronized (volumeSwitch) {
            if (stop(volume)) {
                events.awaitDelivered();
            }
            if (intervalMillis > 0 && !closed) {
                start(volume, AudioVolumeEvaluation.periodMillis(intervalMillis), ClientEvent.AUDIO_VOLUME, deliver ->
                        new AudioVolumeEvaluation(statistics::audioLinks, volumes -> deliver.accept(new AudioVolumes(volumes))));
            }
        }
    }

    /** Registers the reader {@code make} gives, whose results are delivered while it is the one in {@code slot}. */
    private void start(AtomicReference<Running> slot, long periodMillis, ClientEvent type,
                       Function<Consumer<EventPayload>, StatsPoller.Reader<PeerLink>> make) {
        Object token = new Object();
        StatsPoller.Reader<PeerLink> reader = make.apply(payload -> events.emitWhile(() -> isRunning(slot, token),
                type, null, null, payload));
        slot.set(new Running(token, statistics.every(periodMillis, reader)));
    }

    private static boolean isRunning(AtomicReference<Running> slot, Object token) {
        Running running = slot.get();
        return running != null && running.token() == token;
    }

    /** True if one was running. */
    private static boolean stop(AtomicReference<Running> slot) {
        Running running = slot.getAndSet(null);
        if (running != null) {
            running.registration().cancel();
        }
        return running != null;
    }

    /** Stops both for good; what they measured meanwhile is not delivered. */
    @Override
    public void close() {
        closed = true;
        stopNetworkQuality();
        stop(volume);
    }
}
