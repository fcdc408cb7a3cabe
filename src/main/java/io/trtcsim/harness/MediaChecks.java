package io.trtcsim.harness;

import static org.awaitility.Awaitility.await;

import io.trtcsim.media.AudioChunk;
import io.trtcsim.media.AudioRenderSink;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.RenderedFrame;
import io.trtcsim.media.VideoRenderSink;
import io.trtcsim.media.metrics.AudioAnalyzer;
import io.trtcsim.media.metrics.AudioMetrics;
import io.trtcsim.media.metrics.DecodedVideoMetrics;
import io.trtcsim.media.metrics.VideoAnalyzer;
import io.trtcsim.media.metrics.VideoMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Media thresholds as features state them. "over N seconds" measures a window of N seconds that
 * starts when the check starts; a failed threshold names the measured value, the threshold and the
 * window, with the full metrics of that window.
 * <p>
 * A {@link ParticipantKind#STATS_ONLY} receiver renders no frame into Java: its frame rate, freezes
 * and resolution come from libwebrtc's counters ({@link ReceivedVideoCounters}), and a check that
 * needs the markers in the picture or the audio (latency, gaps, the first frame's arrival) fails
 * saying so.
 */
public final class MediaChecks {

    private static final VideoAnalyzer VIDEO = new VideoAnalyzer();
    private static final AudioAnalyzer AUDIO = new AudioAnalyzer();

    private MediaChecks() {
    }

    /** What the receiver's video sink rendered over the window; a stats-only receiver has none. */
    public static VideoMetrics measureVideo(Participant receiver, String from, Duration window) {
        ReceivedVideoCounters.requireSinks(receiver, "a measurement of rendered frames", "a frame sink");
        long start = MediaClock.system().nowMicros();
        long end = start + window.toNanos() / 1000;
        waitUntil(end, "the video from " + from + " to " + receiver + " measured over " + window.toSeconds() + " s");
        return VIDEO.analyze(videoSink(receiver, from).frames(), start, end);
    }

    /**
     * libwebrtc's counters of the video received over the window, read at its start and end: the
     * measurement any receiver has, the only one a stats-only receiver has.
     */
    public static DecodedVideoMetrics measureDecodedVideo(Participant receiver, String from, Duration window) {
        return ReceivedVideoCounters.measure(receiver, from, () -> {
            long end = MediaClock.system().nowMicros() + window.toNanos() / 1000;
            waitUntil(end, "the video from " + from + " to " + receiver + " measured over " + window.toSeconds()
                    + " s (from libwebrtc's statistics)");
        });
    }

    public static AudioMetrics measureAudio(Participant receiver, String from, Duration window) {
        ReceivedVideoCounters.requireSinks(receiver, "a measurement of audio", "an audio sink");
        long start = MediaClock.system().nowMicros();
        long end = start + window.toNanos() / 1000;
        waitUntil(end, "the audio from " + from + " to " + receiver + " measured over " + window.toSeconds() + " s");
        return AUDIO.analyze(audioSink(receiver, from).chunks(), start, end);
    }

    public static void frameRateAtLeast(Participant receiver, String from, double minFps, Duration window) {
        if (ReceivedVideoCounters.isStatsOnly(receiver)) {
            DecodedVideoMetrics decoded = measureDecodedVideo(receiver, from, window);
            if (decoded.meanFps() < minFps) {
                throw failure("the video from " + from + " to " + receiver + " was decoded at " + fmt(decoded.meanFps())
                        + " fps, below the " + fmt(minFps) + " fps asked", window, decoded.describe());
            }
            return;
        }
        VideoMetrics metrics = measureVideo(receiver, from, window);
        if (metrics.meanFps() < minFps) {
            throw failure("the video from " + from + " to " + receiver + " ran at " + fmt(metrics.meanFps())
                    + " fps, below the " + fmt(minFps) + " fps asked", window, metrics.describe());
        }
    }

    public static void noFreezes(Participant receiver, String from, Duration window) {
        if (ReceivedVideoCounters.isStatsOnly(receiver)) {
            decodedAtMostFreezes(receiver, from, 0, window);
            return;
        }
        VideoMetrics metrics = measureVideo(receiver, from, window);
        if (metrics.freezeCount() > 0 || metrics.framesRendered() == 0) {
            throw failure("the video from " + from + " to " + receiver + " froze " + metrics.freezeCount()
                    + " time(s) for " + fmt(metrics.freezeTotalMillis()) + " ms in all (longest "
                    + fmt(metrics.longestFreezeMillis()) + " ms), " + metrics.framesRendered() + " frames rendered",
                    window, metrics.describe());
        }
    }

    /** At most {@code maxFreezes} freezes (libwebrtc's rule) in the window, and frames arriving in it. */
    public static void atMostFreezes(Participant receiver, String from, int maxFreezes, Duration window) {
        if (maxFreezes < 0) {
            throw new IllegalArgumentException("at most " + maxFreezes + " freezes cannot be asked: the count is 0 or more");
        }
        if (ReceivedVideoCounters.isStatsOnly(receiver)) {
            decodedAtMostFreezes(receiver, from, maxFreezes, window);
            return;
        }
        VideoMetrics metrics = measureVideo(receiver, from, window);
        if (metrics.freezeCount() > maxFreezes || metrics.framesRendered() == 0) {
            throw failure("the video from " + from + " to " + receiver + " froze " + metrics.freezeCount()
                    + " time(s), more than the " + maxFreezes + " allowed, for " + fmt(metrics.freezeTotalMillis())
                    + " ms in all (longest " + fmt(metrics.longestFreezeMillis()) + " ms), " + metrics.framesRendered()
                    + " frames rendered", window, metrics.describe());
        }
    }

    /** libwebrtc's freeze count over the window: the check of a stats-only receiver. */
    private static void decodedAtMostFreezes(Participant receiver, String from, int maxFreezes, Duration window) {
        DecodedVideoMetrics decoded = measureDecodedVideo(receiver, from, window);
        if (decoded.freezeCount() > maxFreezes || decoded.framesDecoded() == 0) {
            throw failure("the video from " + from + " to " + receiver + " froze " + decoded.freezeCount()
                    + " time(s) by libwebrtc's count, " + (maxFreezes == 0 ? "where none were" : "more than the "
                    + maxFreezes) + " allowed, for " + fmt(decoded.freezeTotalMillis()) + " ms in all, "
                    + decoded.framesDecoded() + " frames decoded", window, decoded.describe());
        }
    }

    /** The latency at that percentile is at least {@code minMillis}: what an added delay must show. */
    public static void videoLatencyAtLeast(Participant receiver, String from, double minMillis, int percentile,
                                           Duration window) {
        ReceivedVideoCounters.requireSinks(receiver, "video latency", "frame markers");
        VideoMetrics metrics = measureVideo(receiver, from, window);
        double measured = percentile(metrics, percentile);
        if (!(measured >= minMillis)) {
            throw failure("the video latency from " + from + " to " + receiver + " was " + fmt(measured) + " ms at the "
                    + percentile + "th percentile, below the " + fmt(minMillis) + " ms expected", window, metrics.describe());
        }
    }

    private static double percentile(VideoMetrics metrics, int percentile) {
        return switch (percentile) {
            case 50 -> metrics.latencyP50Millis();
            case 95 -> metrics.latencyP95Millis();
            case 99 -> metrics.latencyP99Millis();
            case 100 -> metrics.latencyMaxMillis();
            default -> throw new IllegalArgumentException("percentile " + percentile + " is not measured; use 50, 95 or 99");
        };
    }

    public static void videoLatencyAtMost(Participant receiver, String from, double maxMillis, int percentile, Duration window) {
        ReceivedVideoCounters.requireSinks(receiver, "video latency", "frame markers");
        VideoMetrics metrics = measureVideo(receiver, from, window);
        double measured = percentile(metrics, percentile);
        if (!(measured <= maxMillis)) {
            throw failure("the video latency from " + from + " to " + receiver + " was " + fmt(measured) + " ms at the "
                    + percentile + "th percentile, above the " + fmt(maxMillis) + " ms allowed", window, metrics.describe());
        }
    }

    public static void audioLatencyAtMost(Participant receiver, String from, double maxMillis, Duration window) {
        ReceivedVideoCounters.requireSinks(receiver, "audio latency", "the audio markers an audio sink hears");
        AudioMetrics metrics = measureAudio(receiver, from, window);
        if (!(metrics.latencyP95Millis() <= maxMillis)) {
            throw failure("the audio latency from " + from + " to " + receiver + " was " + fmt(metrics.latencyP95Millis())
                    + " ms at the 95th percentile (" + metrics.markersDetected() + " markers heard), above the "
                    + fmt(maxMillis) + " ms allowed", window, metrics.describe());
        }
    }

    public static void audioWithoutGaps(Participant receiver, String from, Duration window) {
        ReceivedVideoCounters.requireSinks(receiver, "audio without gaps", "an audio sink");
        AudioMetrics metrics = measureAudio(receiver, from, window);
        if (metrics.gapCount() > 0 || metrics.audibleMillis() <= 0) {
            throw failure("the audio from " + from + " to " + receiver + " had " + metrics.gapCount() + " gap(s), "
                    + fmt(metrics.gapTotalMillis()) + " ms in all (longest " + fmt(metrics.longestGapMillis()) + " ms)",
                    window, metrics.describe());
        }
    }

    /** The first frame rendered after the last subscribe() of that stream came within the limit. */
    public static void firstFrameWithinOfSubscribing(Participant receiver, String from, Duration limit, Duration subscribeWait) {
        ReceivedVideoCounters.requireSinks(receiver, "the first frame's arrival", "a frame sink");
        try {
            await(receiver + " subscribes to the stream of " + from).atMost(subscribeWait).pollInterval(Duration.ofMillis(10))
                    .until(() -> receiver.remoteStreamOf(from).map(s -> s.subscribeStartedMicros() >= 0).orElse(false));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(receiver + " did not subscribe to the stream of " + from + " within "
                    + subscribeWait.toMillis() + " ms; " + Expectations.mediaState(receiver, from));
        }
        long subscribed = receiver.remoteStreamOf(from).orElseThrow().subscribeStartedMicros();
        String what = "the first video frame from " + from + " to reach " + receiver;
        try {
            await(what).atMost(limit.plusSeconds(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> Expectations.videoSink(receiver, from)
                            .map(sink -> VIDEO.firstFrameDelayMillis(sink.frames(), subscribed).isPresent()).orElse(false));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("expected " + what + " within " + limit.toMillis() + " ms of subscribing, but none came; "
                    + Expectations.mediaState(receiver, from));
        }
        OptionalDouble delay = VIDEO.firstFrameDelayMillis(videoSink(receiver, from).frames(), subscribed);
        if (delay.getAsDouble() > limit.toMillis()) {
            throw new AssertionError("the first video frame from " + from + " reached " + receiver + " "
                    + fmt(delay.getAsDouble()) + " ms after subscribing, more than the " + limit.toMillis() + " ms allowed");
        }
    }

    public static void resolution(Participant receiver, String from, int width, int height, Duration within) {
        String what = "video from " + from + " to " + receiver + " at " + width + "x" + height;
        if (ReceivedVideoCounters.isStatsOnly(receiver)) {
            decodedResolution(receiver, from, width, height, within, what);
            return;
        }
        try {
            await(what).atMost(within).pollInterval(Duration.ofMillis(20)).until(() -> Expectations.videoSink(receiver, from)
                    .flatMap(VideoRenderSink::lastFrame).map(f -> f.width() == width && f.height() == height).orElse(false));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            String seen = Expectations.videoSink(receiver, from).flatMap(VideoRenderSink::lastFrame)
                    .map(f -> f.width() + "x" + f.height()).orElse("no frame");
            throw new AssertionError("expected " + what + ", but the last frame rendered was " + seen);
        }
    }

    /** The resolution of the last decoded frame, as libwebrtc reports it: the check of a stats-only receiver. */
    private static void decodedResolution(Participant receiver, String from, int width, int height, Duration within,
                                          String what) {
        try {
            await(what + " (from libwebrtc's statistics)").atMost(within).pollInterval(ReceivedVideoCounters.POLL)
                    .until(() -> ReceivedVideoCounters.now(receiver, from)
                            .map(s -> s.frameWidth() == width && s.frameHeight() == height).orElse(false));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            String seen = ReceivedVideoCounters.now(receiver, from).map(s -> s.frameWidth() + "x" + s.frameHeight())
                    .orElse("no inbound video");
            throw new AssertionError("expected " + what + ", but libwebrtc reports the last frame decoded at " + seen);
        }
    }

    static VideoRenderSink videoSink(Participant receiver, String from) {
        return Expectations.videoSink(receiver, from).orElseThrow(() -> new AssertionError(
                receiver + " renders no video of " + from + "; " + Expectations.mediaState(receiver, from)));
    }

    static AudioRenderSink audioSink(Participant receiver, String from) {
        return Expectations.audioSink(receiver, from).orElseThrow(() -> new AssertionError(
                receiver + " plays no audio of " + from + "; " + Expectations.mediaState(receiver, from)));
    }

    /** The whole playback so far, for reports. */
    public static VideoMetrics wholeVideo(List<RenderedFrame> frames) {
        if (frames.isEmpty()) {
            return VIDEO.analyze(frames, 0, 1);
        }
        return VIDEO.analyze(frames, frames.get(0).arrivalMicros(), frames.get(frames.size() - 1).arrivalMicros() + 1);
    }

    public static AudioMetrics wholeAudio(List<AudioChunk> chunks) {
        if (chunks.isEmpty()) {
            return AUDIO.analyze(chunks, 0, 1);
        }
        return AUDIO.analyze(chunks, chunks.get(0).arrivalMicros(), chunks.get(chunks.size() - 1).arrivalMicros() + 1);
    }

    private static void waitUntil(long endMicros, String what) {
        long remainingMillis = Math.max(0, (endMicros - MediaClock.system().nowMicros()) / 1000);
        await(what).atMost(Duration.ofMillis(remainingMillis + 2000)).pollInterval(Duration.ofMillis(25))
                .until(() -> MediaClock.system().nowMicros() >= endMicros);
    }

    private static AssertionError failure(String measured, Duration window, String metrics) {
        return new AssertionError(measured + " over the " + window.toSeconds() + " s window that began with the check; "
                + "metrics of that window: " + metrics);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
