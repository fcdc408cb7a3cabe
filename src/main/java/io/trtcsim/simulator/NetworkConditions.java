package io.trtcsim.simulator;

import java.time.Duration;

/**
 * Conditions the simulator imposes on the media it relays, changeable during a call: for now a
 * delay added to every relayed video frame (used to prove that measured latency follows it).
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
