package io.trtcsim.media.metrics;

import io.trtcsim.media.RenderedFrame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns the frames a video sink rendered into {@link VideoMetrics} for a window of the media clock.
 *
 * <p>Definitions (all times are arrival times on the media clock, frames taken in arrival order):
 * <ul>
 * <li>A frame is in the window when it arrived in {@code [start, end)}; only those are counted,
 * for the frame rate, latency, losses, repeats and resolution.</li>
 * <li>Frame rate: frames in the window divided by the window's length in seconds.</li>
 * <li>Freezes follow {@link FreezeDetector} (libwebrtc's rule). The detector runs over the stream
 * from its first frame, so the mean delay is known when the window opens, and a freeze belongs to
 * the window in which the frame that ends it arrives, with its whole duration — exactly what the
 * difference of getStats' cumulative freeze counters over the window would show. A stall still in
 * progress when the window closes, already long enough to be a freeze, counts too, lasting to the
 * window's end: the viewer saw a frozen picture, even if libwebrtc would only count it once a
 * frame arrives; adjacent windows both count a stall that spans their boundary. Analyze a window
 * after it has closed.</li>
 * <li>Latency: arrival minus the capture time in the frame's marker, for each marked frame, as
 * percentiles by {@link LatencyHistogram}. A marker claiming a capture after the arrival cannot be
 * true and counts as unreadable.</li>
 * <li>Frames repeated: marked frames whose sequence number an earlier frame in the window had.</li>
 * <li>Frames lost: for each pair of consecutive marked frames that are not repeats, the sequence
 * numbers skipped between them ({@code next - previous - 1} when positive). A backward jump (a
 * restarted sender) adds nothing, and the later frame is the next reference; a repeat changes
 * nothing. A paused sender does not advance its sequence, so a pause is not a loss. libwebrtc
 * renders no frame older than the last one rendered, so reordering does not reach the sink.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; the frame lists are read, never kept. Cost is linear in the number
 * of frames (plus a sort when they are not in arrival order).
 */
public final class VideoAnalyzer {

    private static final Comparator<RenderedFrame> BY_ARRIVAL = Comparator.comparingLong(RenderedFrame::arrivalMicros);

    public VideoMetrics analyze(List<RenderedFrame> frames, long windowStartMicros, long windowEndMicros) {
        requireWindow(windowStartMicros, windowEndMicros);
        List<RenderedFrame> ordered = inArrivalOrder(frames);

        FreezeDetector detector = new FreezeDetector();
        List<Freeze> freezes = new ArrayList<>();
        LatencyHistogram latency = new LatencyHistogram();
        Set<Long> sequencesSeen = new HashSet<>();
        Set<String> resolutions = new LinkedHashSet<>();
        int rendered = 0;
        int withoutMarker = 0;
        long lost = 0;
        int repeated = 0;
        long previousSequence = -1;
        RenderedFrame first = null;
        RenderedFrame last = null;

        for (RenderedFrame frame : ordered) {
            if (frame.arrivalMicros() >= windowEndMicros) {
                break;
            }
            Optional<Freeze> freeze = detector.onFrame(frame.arrivalMicros());
            if (frame.arrivalMicros() < windowStartMicros) {
                continue;
            }
            freeze.ifPresent(freezes::add);
            rendered++;
            if (first == null) {
                first = frame;
            }
            last = frame;
            resolutions.add(frame.width() + "x" + frame.height());
            if (!hasTrueMarker(frame)) {
                withoutMarker++;
                continue;
            }
            latency.record(frame.latencyMicros());
            long sequence = frame.sequence();
            if (!sequencesSeen.add(sequence)) {
                repeated++;
                continue;
            }
            if (previousSequence >= 0 && sequence > previousSequence + 1) {
                lost += sequence - previousSequence - 1;
            }
            previousSequence = sequence;
        }
        detector.stallAt(windowEndMicros).ifPresent(freezes::add);

        long window = windowEndMicros - windowStartMicros;
        return new VideoMetrics(
                windowStartMicros,
                windowEndMicros,
                rendered,
                rate(rendered, window),
                freezes.size(),
                freezes.stream().mapToDouble(Freeze::durationMillis).sum(),
                freezes.stream().mapToDouble(Freeze::durationMillis).max().orElse(0),
                latency.percentileMillis(50),
                latency.percentileMillis(95),
                latency.percentileMillis(99),
                latency.maxMillis(),
                withoutMarker,
                lost,
                repeated,
                last == null ? 0 : last.width(),
                last == null ? 0 : last.height(),
                List.copyOf(resolutions),
                first == null ? -1 : first.arrivalMicros());
    }

    /**
     * Milliseconds from {@code referenceMicros} (a subscribe or publish) to the first frame that
     * arrived at or after it; empty when none did.
     */
    public OptionalDouble firstFrameDelayMillis(List<RenderedFrame> frames, long referenceMicros) {
        return frames.stream()
                .mapToLong(RenderedFrame::arrivalMicros)
                .filter(arrival -> arrival >= referenceMicros)
                .min()
                .stream()
                .mapToDouble(arrival -> (arrival - referenceMicros) / 1000.0)
                .findFirst();
    }

    /** Frames that arrived in {@code [startMicros, endMicros)} per second of that window. */
    public double fpsOver(List<RenderedFrame> frames, long startMicros, long endMicros) {
        requireWindow(startMicros, endMicros);
        long count = frames.stream()
                .filter(f -> f.arrivalMicros() >= startMicros && f.arrivalMicros() < endMicros)
                .count();
        return rate(count, endMicros - startMicros);
    }

    static double rate(long count, long windowMicros) {
        return windowMicros <= 0 ? 0 : count * 1e6 / windowMicros;
    }

    static void requireWindow(long startMicros, long endMicros) {
        if (endMicros < startMicros) {
            throw new IllegalArgumentException("window ends (" + endMicros + ") before it starts (" + startMicros + ")");
        }
    }

    private static boolean hasTrueMarker(RenderedFrame frame) {
        return frame.hasMarker() && frame.captureMicros() <= frame.arrivalMicros();
    }

    private static List<RenderedFrame> inArrivalOrder(List<RenderedFrame> frames) {
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i).arrivalMicros() < frames.get(i - 1).arrivalMicros()) {
                List<RenderedFrame> sorted = new ArrayList<>(frames);
                sorted.sort(BY_ARRIVAL);
                return sorted;
            }
        }
        return frames;
    }
}
