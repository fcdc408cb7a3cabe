package io.trtcsim.sdk;

import io.trtcsim.media.MediaClock;
import java.time.Duration;
import java.util.List;

/**
 * How patient the SDK is: a signaling round trip, a peer connection coming up, and how it notices
 * and recovers lost signaling ({@link Reconnection}). {@code originNanos} is the monotonic instant
 * journals count from (the scenario's start).
 */
public record SdkOptions(Duration signalingTimeout, Duration mediaTimeout, MediaClock clock, long originNanos,
                         Reconnection reconnection, StandInDevices standInDevices) {

    public SdkOptions {
        requirePositive(signalingTimeout, "signalingTimeout");
        requirePositive(mediaTimeout, "mediaTimeout");
        if (standInDevices == null) {
            standInDevices = StandInDevices.NONE;
        }
        if (clock == null || reconnection == null) {
            throw new IllegalArgumentException("SdkOptions need a clock and a reconnection policy (got clock " + clock
                    + ", reconnection " + reconnection + ")");
        }
    }

    public SdkOptions(Duration signalingTimeout, Duration mediaTimeout, MediaClock clock, long originNanos,
                      Reconnection reconnection) {
        this(signalingTimeout, mediaTimeout, clock, originNanos, reconnection, StandInDevices.NONE);
    }

    /** With the stand-in devices TRTC.getDevices() lists and createStream({cameraId, microphoneId}) may name. */
    public SdkOptions withStandInDevices(StandInDevices devices) {
        return new SdkOptions(signalingTimeout, mediaTimeout, clock, originNanos, reconnection, devices);
    }

    /** With TRTC's reconnection defaults ({@link Reconnection#defaults()}). */
    public SdkOptions(Duration signalingTimeout, Duration mediaTimeout, MediaClock clock, long originNanos) {
        this(signalingTimeout, mediaTimeout, clock, originNanos, Reconnection.defaults());
    }

    public static SdkOptions defaults() {
        return new SdkOptions(Duration.ofSeconds(10), Duration.ofSeconds(10), MediaClock.system(), System.nanoTime());
    }

    public SdkOptions withReconnection(Reconnection policy) {
        return new SdkOptions(signalingTimeout, mediaTimeout, clock, originNanos, policy, standInDevices);
    }

    /**
     * How lost signaling is noticed and recovered. While in a room the SDK sends a heartbeat every
     * {@code heartbeatInterval}; when nothing (no heartbeat reply, no event) has come from the stack
     * for {@code signalingLostAfter}, or the channel ends without a leave, the signaling is lost. It
     * then tries to enter the room again on a new channel: one attempt after each delay of
     * {@code retryDelays} (counted from the loss, then from the previous attempt's failure), each
     * given {@code attemptTimeout} to be answered.
     * <p>
     * Defaults ({@link #defaults()}): a heartbeat every 1 s, lost after 2 s of silence, attempts after
     * 0, 1, 2, 4, 8 and 8 s, 3 s each — about 41 s before SIGNAL_CHANNEL_RECONNECTION_FAILED when the
     * stack never answers.
     */
    public record Reconnection(Duration heartbeatInterval, Duration signalingLostAfter, List<Duration> retryDelays,
                               Duration attemptTimeout) {

        public Reconnection {
            requirePositive(heartbeatInterval, "heartbeatInterval");
            requirePositive(signalingLostAfter, "signalingLostAfter");
            requirePositive(attemptTimeout, "attemptTimeout");
            if (retryDelays == null || retryDelays.isEmpty() || retryDelays.stream().anyMatch(d -> d == null || d.isNegative())) {
                throw new IllegalArgumentException("retryDelays must be one or more delays of 0 or more, got " + retryDelays);
            }
            retryDelays = List.copyOf(retryDelays);
        }

        public static Reconnection defaults() {
            return new Reconnection(Duration.ofSeconds(1), Duration.ofSeconds(2),
                    List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                            Duration.ofSeconds(8), Duration.ofSeconds(8)),
                    Duration.ofSeconds(3));
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + duration);
        }
    }
}
