package io.trtcsim.simulator.sfu;

import java.time.Duration;

/**
 * Conditions the simulator imposes on the media it forwards, changeable during a call: for now a
 * fixed delay added to every video packet sent on a downlink (what MeasurementTruthTest uses to
 * prove that measured latency follows it).
 */
public final class NetworkConditions {

    private volatile long videoDelayMicros;

    public void videoDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + delay);
        }
        videoDelayMicros = delay.toNanos() / 1000;
    }

    public long videoDelayMicros() {
        return videoDelayMicros;
    }
}
