package io.trtcsim.harness;

import static org.awaitility.Awaitility.await;

import io.trtcsim.media.StatsSample;
import io.trtcsim.trtc.MediaKind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.DoublePredicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The bitrate a publisher sends of one kind, as its own getStats reports it (outbound-rtp
 * bytesSent, sampled each second): what a congestion controller made of the network it found, or
 * what a profile allowed.
 */
public final class SendingBitrate {

    /** Over this long, so one second's burst (a key frame) does not decide. */
    static final Duration WINDOW = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(250);

    private SendingBitrate() {
    }

    /** kbit/s sent over the last {@link #WINDOW} of samples; empty before there are two samples that far apart. */
    public static OptionalDouble videoKbps(Participant publisher) {
        return kbps(publisher, MediaKind.VIDEO);
    }

    public static OptionalDouble kbps(Participant publisher, MediaKind kind) {
        return kbps(publisher.client().statsSamples(), kind);
    }

    static OptionalDouble videoKbps(List<StatsSample> samples) {
        return kbps(samples, MediaKind.VIDEO);
    }

    static OptionalDouble kbps(List<StatsSample> samples, MediaKind kind) {
        // bytesSent of every outbound entry of the kind at each sampling moment (one entry per SSRC).
        TreeMap<Long, Double> bytesAt = new TreeMap<>();
        for (StatsSample sample : samples) {
            if (sample.type().equals("outbound-rtp") && sample.kind().equals(kind.wireName())
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

    /** Waits until the publisher's bitrate of this kind is at most {@code kbps}. */
    public static void atMost(Participant publisher, MediaKind kind, int kbps, Duration within) {
        waitFor(publisher, kind, "at most " + kbps + " kbps", rate -> rate <= kbps, within);
    }

    /** Waits until the publisher's bitrate of this kind is at least {@code kbps}. */
    public static void atLeast(Participant publisher, MediaKind kind, int kbps, Duration within) {
        waitFor(publisher, kind, "at least " + kbps + " kbps", rate -> rate >= kbps, within);
    }

    private static void waitFor(Participant publisher, MediaKind kind, String what, DoublePredicate accepted,
                                Duration within) {
        try {
            await("the " + kind + " " + publisher + " sends to reach " + what)
                    .atMost(within).pollInterval(POLL)
                    .until(() -> kbps(publisher, kind).stream().anyMatch(accepted));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected the " + kind + " " + publisher + " sends to reach " + what + " within "
                    + within.toSeconds() + " s, but it was " + describe(kbps(publisher, kind)) + " (over the last "
                    + WINDOW.toSeconds() + " s of getStats)");
        }
    }

    private static String describe(OptionalDouble kbps) {
        return kbps.isPresent() ? String.format(Locale.ROOT, "%.0f kbps", kbps.getAsDouble()) : "not measurable yet";
    }
}
