package io.trtcsim.harness;

import io.trtcsim.media.InboundVideoStats;
import io.trtcsim.media.metrics.DecodedVideoMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * libwebrtc's counters of the video a participant receives, as the checks read them for a
 * participant that renders nothing into Java ({@link ParticipantKind#STATS_ONLY}): each reading is a
 * getStats() of its own, so a window starts and ends exactly when the check says, not at the last
 * once-a-second sample.
 */
final class ReceivedVideoCounters {

    /** How often a wait reads them: each reading is a trip to libwebrtc's signaling thread. */
    static final Duration POLL = Duration.ofMillis(100);
    private static final Duration READING_TIMEOUT = Duration.ofSeconds(5);

    private ReceivedVideoCounters() {
    }

    /** The counters now; empty when not subscribed to {@code from} or before its first video. */
    static Optional<InboundVideoStats> now(Participant receiver, String from) {
        try {
            return receiver.client().receivedVideoStats(from).get(READING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(receiver + ": getStats() of the video from " + from + " gave no report within "
                    + READING_TIMEOUT.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new AssertionError(receiver + ": getStats() of the video from " + from + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(receiver + ": interrupted while reading the statistics of the video from " + from);
        }
    }

    /** Frames decoded so far, 0 before any. */
    static long framesDecoded(Participant receiver, String from) {
        return now(receiver, from).map(InboundVideoStats::framesDecoded).orElse(0L);
    }

    /** A reading that must exist: the receiver must be subscribed to video from {@code from}. */
    static InboundVideoStats required(Participant receiver, String from) {
        return now(receiver, from).orElseThrow(() -> new AssertionError(receiver + " receives no video of " + from
                + " (libwebrtc reports no inbound video: not subscribed, or no video yet); "
                + Expectations.mediaState(receiver, from)));
    }

    /** Reads the counters, lets {@code window} pass (through {@code waitOut}), reads them again. */
    static DecodedVideoMetrics measure(Participant receiver, String from, Runnable waitOut) {
        InboundVideoStats first = required(receiver, from);
        waitOut.run();
        return DecodedVideoMetrics.between(first, required(receiver, from));
    }

    /**
     * Fails, naming what is missing, when the receiver renders no frame or audio into Java.
     *
     * @param measurement what a check wanted, e.g. "video latency"
     * @param needs what it is measured from, e.g. "frame markers"
     */
    static void requireSinks(Participant receiver, String measurement, String needs) {
        if (receiver.kind() == ParticipantKind.STATS_ONLY) {
            throw new AssertionError(receiver + " is a stats-only participant: " + measurement + " needs " + needs
                    + " (a FULL participant renders them)");
        }
    }

    static boolean isStatsOnly(Participant receiver) {
        return receiver.kind() == ParticipantKind.STATS_ONLY;
    }
}
