package io.trtcsim.harness;

import static org.awaitility.Awaitility.await;

import io.trtcsim.media.StatsSample;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.DoublePredicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The video bitrate a publisher sends, as its own getStats reports it (outbound-rtp bytesSent,
 * sampled each second): what a congestion controller made of the network it found.
 */
public final class SendingBitrate {

    /** Over this long, so one second's burst (a key frame) does not decide. */
    static final Duration WINDOW = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(250);

    private SendingBitrate() {
    }

    /** kbit/s sent over the last {@link #WINDOW} of samples; empty before there are two samples that far apart. */
    public static OptionalDouble videoKbps(Participant publisher) {
        return videoKbps(publisher.client().statsSamples());
    }

    static OptionalDouble videoKbps(List<StatsSample> samples) {
        // bytesSent of every outbound video entry at each sampling moment (one entry per SSRC).
        TreeMap<Long, Double> bytesAt = new TreeMap<>();
        for (StatsSample sample : samples) {
            if (sample.type().equals("outbound-rtp") && sample.kind().equals("video")
                    && sample.values().get("bytesSent") instanceof Number bytes) {
                bytesAt.merge(sample.atMicros(), bytes.doubleValue(), Double::sum);
            }
        }
        if (bytesAt.size() < 2) {
            return OptionalDouble.empty();
        }
        Map.Entry<Long, Double> last = bytesAt.lastEntry();
        Map.Entry<Long, Double> first = bytesAt.floorEntry(last.getKey() - WINDOW.toNanos() / 1000);
        // A new uplink (after a reconnection) starts its counters again: no rate across that reset.
        if (first == null || first.getValue() > last.getValue()) {
            return OptionalDouble.empty();
        }
        double seconds = (last.getKey() - first.getKey()) / 1e6;
        return OptionalDouble.of((last.getValue() - first.getValue()) * 8 / 1000 / seconds);
    }

    /** Waits until the publisher's video bitrate is at most {@code kbps}. */
    public static void atMost(Participant publisher, int kbps, Duration within) {
        waitFor(publisher, "at most " + kbps + " kbps", rate -> rate <= kbps, within);
    }

    /** Waits until the publisher's video bitrate is at least {@code kbps}. */
    public static void atLeast(Participant publisher, int kbps, Duration within) {
        waitFor(publisher, "at least " + kbps + " kbps", rate -> rate >= kbps, within);
    }

    private static void waitFor(Participant publisher, String what, DoublePredicate accepted, Duration within) {
        try {
            await("the video " + publisher + " sends to reach " + what)
                    .atMost(within).pollInterval(POLL)
                    .until(() -> videoKbps(publisher).stream().anyMatch(accepted));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected the video " + publisher + " sends to reach " + what + " within "
                    + within.toSeconds() + " s, but it was " + describe(videoKbps(publisher)) + " (over the last "
                    + WINDOW.toSeconds() + " s of getStats)");
        }
    }

    private static String describe(OptionalDouble kbps) {
        return kbps.isPresent() ? String.format(Locale.ROOT, "%.0f kbps", kbps.getAsDouble()) : "not measurable yet";
    }
}
