package io.trtcsim.sdk;

import io.trtcsim.media.MediaClock;
import java.time.Duration;

/**
 * How patient the SDK is: a signaling round trip, and a peer connection coming up. {@code originNanos}
 * is the monotonic instant journals count from (the scenario's start).
 */
public record SdkOptions(Duration signalingTimeout, Duration mediaTimeout, MediaClock clock, long originNanos) {

    public static SdkOptions defaults() {
        return new SdkOptions(Duration.ofSeconds(10), Duration.ofSeconds(10), MediaClock.system(), System.nanoTime());
    }
}
