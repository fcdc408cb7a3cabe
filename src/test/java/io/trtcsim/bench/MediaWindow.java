package io.trtcsim.bench;

import static org.awaitility.Awaitility.await;

import io.trtcsim.media.AudioRenderSink;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.VideoRenderSink;
import io.trtcsim.media.metrics.AudioAnalyzer;
import io.trtcsim.media.metrics.AudioMetrics;
import io.trtcsim.media.metrics.VideoAnalyzer;
import io.trtcsim.media.metrics.VideoMetrics;
import java.time.Duration;

/**
 * A measurement window over what one receiver's sinks rendered: it opens now, lasts the given
 * seconds, and is analysed by the project's analyzers once it has closed. Every benchmark path
 * (through a stack or peer to peer) is measured by this one piece, so their numbers compare.
 *
 * @param video the video sink's frames in the window
 * @param audio the audio sink's chunks in the window
 */
record MediaWindow(VideoMetrics video, AudioMetrics audio) {

    /** How long a frame may be missing before the window counts as "frames stopped". */
    private static final long STOPPED_AFTER_MICROS = 500_000;

    /**
     * Opens a window now and waits until it has closed. With {@code framesMustKeepArriving}, it
     * fails as soon as no frame arrived for half a second (a stalled stream is not measured as
     * slow, it is a failure); without, the window is just time (under loss, or in a fan-out where
     * a starved subscriber is what is being measured).
     */
    static MediaWindow measure(VideoRenderSink video, AudioRenderSink audio, int seconds, boolean framesMustKeepArriving) {
        MediaClock clock = MediaClock.system();
        long start = clock.nowMicros();
        if (framesMustKeepArriving) {
            await("frames keep arriving for " + seconds + " s").during(Duration.ofSeconds(seconds))
                    .atMost(Duration.ofSeconds(seconds + 1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> video.lastFrame().map(f -> clock.nowMicros() - f.arrivalMicros() < STOPPED_AFTER_MICROS)
                            .orElse(false));
        } else {
            waitFor(seconds);
        }
        return analyze(video, audio, start, clock.nowMicros());
    }

    /** The window {@code [startMicros, endMicros)} of the media clock, already closed. */
    static MediaWindow analyze(VideoRenderSink video, AudioRenderSink audio, long startMicros, long endMicros) {
        return new MediaWindow(new VideoAnalyzer().analyze(video.frames(), startMicros, endMicros),
                new AudioAnalyzer().analyze(audio.chunks(), startMicros, endMicros));
    }

    /** Waits out a window of that many seconds: a measurement, not a pause. */
    static void waitFor(int seconds) {
        MediaClock clock = MediaClock.system();
        long end = clock.nowMicros() + seconds * 1_000_000L;
        await("the measurement window of " + seconds + " s").atMost(Duration.ofSeconds(seconds + 2))
                .pollInterval(Duration.ofMillis(50)).until(() -> clock.nowMicros() >= end);
    }
}
