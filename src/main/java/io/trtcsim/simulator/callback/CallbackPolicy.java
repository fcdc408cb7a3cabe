package io.trtcsim.simulator.callback;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard a callback is pushed to the app server: each attempt may take {@code timeout}; a failed
 * first attempt is followed by {@code immediateRetries} retries at once, then by spaced retries every
 * {@code retryInterval}, counted from the start of the first attempt, as long as they fall within
 * {@code giveUpAfter} of it. After that the callback is abandoned.
 *
 * <p>The number of spaced retries is therefore fixed by the policy ({@code giveUpAfter / retryInterval},
 * rounded down) rather than by how long the failed attempts happened to take, so a test can count the
 * attempts it expects.
 */
public record CallbackPolicy(Duration timeout, int immediateRetries, Duration retryInterval, Duration giveUpAfter) {

    public CallbackPolicy {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryInterval, "retryInterval");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (immediateRetries < 0) {
            throw new IllegalArgumentException("immediateRetries must not be negative, was " + immediateRetries);
        }
        if (retryInterval.isZero() || retryInterval.isNegative()) {
            throw new IllegalArgumentException("retryInterval must be positive, was " + retryInterval);
        }
        if (giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("giveUpAfter must not be negative, was " + giveUpAfter);
        }
        if (!giveUpAfter.isZero() && giveUpAfter.compareTo(retryInterval) < 0) {
            throw new IllegalArgumentException("giveUpAfter " + giveUpAfter + " is shorter than retryInterval "
                    + retryInterval + ", so no spaced retry would ever be made; use Duration.ZERO to mean none");
        }
    }

    /** TRTC's documented delivery: 5 s timeout, one immediate retry, then every 10 s for up to a minute. */
    public static CallbackPolicy documented() {
        return new CallbackPolicy(Duration.ofSeconds(5), 1, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    /** Retries made at {@code retryInterval} steps after the immediate ones: 6 for the documented policy. */
    public int spacedRetries() {
        return Math.toIntExact(giveUpAfter.toNanos() / retryInterval.toNanos());
    }

    /** Attempts made for a callback the app server never accepts: 8 for the documented policy. */
    public int maxAttempts() {
        return 1 + immediateRetries + spacedRetries();
    }
}
