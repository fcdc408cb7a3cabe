package io.trtcsim.harness;

import static org.awaitility.Awaitility.await;

import io.trtcsim.media.InboundVideoStats;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.VideoRenderSink;
import io.trtcsim.media.metrics.DecodedVideoMetrics;
import io.trtcsim.media.metrics.VideoAnalyzer;
import io.trtcsim.media.metrics.VideoMetrics;
import io.trtcsim.sdk.RemoteStream;
import io.trtcsim.trtc.ClientEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The checks of a range of participants ("each of "viewer-1" to "viewer-20" ..."): every member is
 * checked, all at once and within one deadline or window, and a failure names every member that fell
 * short with its figure, not just the first.
 */
public final class RangeChecks {

    private static final VideoAnalyzer VIDEO = new VideoAnalyzer();
    private static final Duration POLL = Duration.ofMillis(50);
    /**
     * How often a range with STATS_ONLY members is polled for frames: each poll of such a member is
     * a getStats() through libwebrtc's signaling thread, 120 of them ten times a second would be
     * the largest load of the whole scenario.
     */
    private static final Duration STATS_POLL = Duration.ofMillis(500);
    /** How many members a failure lists by name; the rest are counted. */
    private static final int NAMED = 25;
    private static final Duration STATS_READING_TIMEOUT = Duration.ofSeconds(5);

    private RangeChecks() {
    }

    /** Every member receives that event from {@code from} within the time, counted since the scenario began. */
    public static void eachReceives(List<Participant> members, ParticipantRange range, ClientEvent event, String from,
                                    Duration within) {
        Set<Participant> waiting = new LinkedHashSet<>(members);
        try {
            await("each of " + range + " receives '" + event + "' from " + from).atMost(within).pollInterval(POLL)
                    .until(() -> {
                        waiting.removeIf(member -> member.journal().count(event, from) > 0);
                        return waiting.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            List<String> lines = waiting.stream().map(member -> member + ": " + lastEvents(member)).toList();
            throw new AssertionError(waiting.size() + " of " + members.size() + " participants " + range + " did not receive '"
                    + event + "' from " + from + " within " + within.toMillis() + " ms:\n" + listed(lines));
        }
    }

    /** Every member renders at least {@code frames} video frames of {@code from} within the time. */
    public static void eachRendersVideoFrames(List<Participant> members, ParticipantRange range, String from, long frames,
                                              Duration within) {
        Set<Participant> waiting = new LinkedHashSet<>(members);
        try {
            boolean anyStatsOnly = members.stream().anyMatch(ReceivedVideoCounters::isStatsOnly);
            await("each of " + range + " renders " + frames + " video frames from " + from).atMost(within)
                    .pollInterval(anyStatsOnly ? STATS_POLL : POLL).until(() -> {
                        waiting.removeIf(member -> framesRendered(member, from) >= frames);
                        return waiting.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            List<String> lines = waiting.stream().map(member -> member + ": " + framesRendered(member, from) + " frames; "
                    + Expectations.mediaState(member, from)).toList();
            throw new AssertionError(waiting.size() + " of " + members.size() + " participants " + range
                    + " did not render " + frames + " video frames from " + from + " within " + within.toMillis() + " ms:\n"
                    + listed(lines));
        }
    }

    /** The video of {@code from} to every member over one window that starts now. */
    public static RangeFigures measure(List<Participant> members, ParticipantRange range, String from, Duration window) {
        List<Optional<InboundVideoStats>> before = readCounters(members, from);
        long start = MediaClock.system().nowMicros();
        long end = start + window.toNanos() / 1000;
        await("the video from " + from + " to each of " + range + " measured over " + window.toSeconds() + " s")
                .atMost(window.plusSeconds(2)).pollInterval(Duration.ofMillis(25))
                .until(() -> MediaClock.system().nowMicros() >= end);
        List<Optional<InboundVideoStats>> after = readCounters(members, from);
        List<RangeFigures.Row> rows = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            Participant member = members.get(i);
            if (ReceivedVideoCounters.isStatsOnly(member)) {
                rows.add(RangeFigures.Row.decoded(member.userId(), DecodedVideoMetrics.ofOneDownlink(before.get(i), after.get(i))));
                continue;
            }
            Optional<VideoMetrics> metrics = Expectations.videoSink(member, from)
                    .map(sink -> VIDEO.analyze(sink.frames(), start, end));
            rows.add(new RangeFigures.Row(member.userId(), metrics, firstFrameAfterSubscribe(member, from)));
        }
        return new RangeFigures(from, range, window.toMillis() / 1000.0, rows);
    }

    /**
     * libwebrtc's counters of the video from {@code from} at every STATS_ONLY member, read at once
     * (one getStats() each, all under way together); empty for FULL members and for those with no
     * video yet.
     */
    private static List<Optional<InboundVideoStats>> readCounters(List<Participant> members, String from) {
        List<CompletableFuture<Optional<InboundVideoStats>>> readings = members.stream()
                .map(member -> ReceivedVideoCounters.isStatsOnly(member) ? member.client().receivedVideoStats(from)
                        : CompletableFuture.completedFuture(Optional.<InboundVideoStats>empty()))
                .toList();
        List<Optional<InboundVideoStats>> values = new ArrayList<>(members.size());
        for (int i = 0; i < readings.size(); i++) {
            try {
                values.add(readings.get(i).get(STATS_READING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException | ExecutionException e) {
                throw new AssertionError(members.get(i) + ": getStats() of the video from " + from + " gave no report"
                        + " within " + STATS_READING_TIMEOUT.toMillis() + " ms: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while reading the statistics of " + members.get(i));
            }
        }
        return values;
    }


    /** Each member's video of {@code from} over its whole playback so far: a scenario report's summary. */
    public static RangeFigures wholePlayback(List<Participant> members, ParticipantRange range, String from) {
        List<RangeFigures.Row> rows = new ArrayList<>(members.size());
        double longest = 0;
        for (Participant member : members) {
            if (ReceivedVideoCounters.isStatsOnly(member)) {
                Optional<DecodedVideoMetrics> whole = sinceSubscribed(member, from);
                longest = Math.max(longest, whole.map(m -> m.windowMicros() / 1e6).orElse(0.0));
                rows.add(RangeFigures.Row.decoded(member.userId(), whole));
                continue;
            }
            Optional<VideoMetrics> metrics = Expectations.videoSink(member, from)
                    .map(VideoRenderSink::frames).filter(frames -> !frames.isEmpty()).map(MediaChecks::wholeVideo);
            longest = Math.max(longest, metrics.map(m -> m.windowMicros() / 1e6).orElse(0.0));
            rows.add(new RangeFigures.Row(member.userId(), metrics, firstFrameAfterSubscribe(member, from)));
        }
        return new RangeFigures(from, range, longest, rows);
    }

    /** Fails naming every member whose frame rate over the window fell below {@code minFps}. */
    public static void eachFrameRateAtLeast(RangeFigures figures, double minFps) {
        failIfAny(figures, row -> !(row.fps() >= minFps), row -> fmt(row.fps()) + " fps (" + row.frames() + " frames)",
                "ran below " + fmt(minFps) + " fps");
    }

    /** Fails naming every member whose latency at the 95th percentile exceeded {@code maxMillis}. */
    public static void eachLatencyP95AtMost(RangeFigures figures, double maxMillis) {
        failIfAny(figures, row -> !(row.latencyP95Millis() <= maxMillis),
                row -> row.decoded().isPresent() ? "no latency: a stats-only participant reads no frame marker (measure"
                        + " latency with participants that play every stream in full)"
                        : Double.isNaN(row.latencyP95Millis()) ? "no latency measured (" + row.frames() + " frames, none marked)"
                        : fmt(row.latencyP95Millis()) + " ms at p95",
                "had a video latency above " + fmt(maxMillis) + " ms at the 95th percentile");
    }

    private static void failIfAny(RangeFigures figures, Predicate<RangeFigures.Row> fails,
                                  Function<RangeFigures.Row, String> figure, String shortfall) {
        List<RangeFigures.Row> failing = figures.shortOf(fails);
        if (!failing.isEmpty()) {
            List<String> lines = failing.stream().map(row -> row.participant() + ": " + figure.apply(row)).toList();
            throw new AssertionError(failing.size() + " of " + figures.rows().size() + " participants " + figures.range()
                    + " " + shortfall + " over the " + fmt(figures.windowSeconds()) + " s window from " + figures.from()
                    + ":\n" + listed(lines) + "\n\n" + figures.table());
        }
    }

    /**
     * A STATS_ONLY member's video since its subscribe(), from its counters now (which start at 0
     * with the downlink); empty when it has none, or its statistics cannot be read any more.
     */
    private static Optional<DecodedVideoMetrics> sinceSubscribed(Participant member, String from) {
        Optional<RemoteStream> stream = member.remoteStreamOf(from);
        if (stream.isEmpty() || stream.get().subscribeStartedMicros() < 0) {
            return Optional.empty();
        }
        try {
            InboundVideoStats zero = new InboundVideoStats(stream.get().subscribeStartedMicros(), 0, 0, 0, 0, 0, 0, 0);
            return DecodedVideoMetrics.ofOneDownlink(Optional.of(zero), ReceivedVideoCounters.now(member, from));
        } catch (AssertionError unreadable) {
            return Optional.empty();
        }
    }

    private static long framesRendered(Participant member, String from) {
        if (ReceivedVideoCounters.isStatsOnly(member)) {
            return ReceivedVideoCounters.framesDecoded(member, from);
        }
        return Expectations.videoSink(member, from).map(VideoRenderSink::framesRendered).orElse(0L);
    }

    private static OptionalDouble firstFrameAfterSubscribe(Participant member, String from) {
        Optional<RemoteStream> stream = member.remoteStreamOf(from);
        Optional<VideoRenderSink> sink = Expectations.videoSink(member, from);
        if (stream.isEmpty() || sink.isEmpty() || stream.get().subscribeStartedMicros() < 0) {
            return OptionalDouble.empty();
        }
        return VIDEO.firstFrameDelayMillis(sink.get().frames(), stream.get().subscribeStartedMicros());
    }

    private static String lastEvents(Participant member) {
        if (!member.hasClient()) {
            return "no client";
        }
        var entries = member.journal().entries();
        if (entries.isEmpty()) {
            return "no events";
        }
        return entries.size() + " events, the last: " + entries.get(entries.size() - 1).describe(member.journal().originNanos());
    }

    private static String listed(List<String> lines) {
        List<String> shown = new ArrayList<>(lines.subList(0, Math.min(NAMED, lines.size())).stream().map(l -> "  " + l).toList());
        if (lines.size() > NAMED) {
            shown.add("  ... and " + (lines.size() - NAMED) + " more");
        }
        return String.join("\n", shown);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
