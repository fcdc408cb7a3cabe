package io.trtcsim.media.metrics;

import io.trtcsim.media.AudioChunk;
import io.trtcsim.media.AudioRenderSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Turns the chunks an audio sink received into {@link AudioMetrics} for a window of the media clock.
 *
 * <p>Definitions (times are arrival times on the media clock; a chunk arriving at {@code t} with
 * duration {@code d} occupies {@code [t, t + d)}):
 * <ul>
 * <li>A chunk is in the window when it arrived in {@code [start, end)}; only those are counted
 * as chunks, delivered, audible and level.</li>
 * <li>Audible: level at least {@link #AUDIBLE_LEVEL}. A receiver plays out silence when nothing
 * arrives, so silence is no proof of delivery.</li>
 * <li>Gap: a stretch of the window, at least {@link #MIN_GAP_MICROS} long, that no audible chunk
 * occupies. It covers inaudible chunks and holes in the arrivals alike, merged when they adjoin,
 * clipped to the window; a window that opens before the audio starts or closes after it stops has
 * a gap at that edge. Chunks that arrived just before the window still occupy its beginning.</li>
 * <li>Latency marker: the sender's tone is {@code 0.3} (RMS ≈ {@value #PLAIN_TONE_LEVEL}) and
 * three times louder (RMS ≈ {@value #BURST_LEVEL}) for 60 ms from every whole second of capture
 * time. An onset is a chunk at {@link #ONSET_LEVEL} or louder right after an audible chunk below
 * it — the plain tone — that arrived at most {@link #ONSET_CONTIGUITY_CHUNKS} chunk durations
 * earlier; audio that starts, or resumes after a hole, in the middle of a burst has no onset, since
 * the burst began unheard. Its capture time is the whole second at or before
 * {@code arrival - }{@link #MIN_MARKER_LATENCY_MICROS}, which holds for latencies in (20 ms, 1 s];
 * latency is arrival minus capture. A second onset mapping to the same whole second (a burst that
 * dipped) is ignored. Onsets count when they arrive in the window.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; the chunk lists are read, never kept. Cost is linear in the number
 * of chunks (plus a sort when they are not in arrival order).
 */
public final class AudioAnalyzer {

    /** RMS level from which a chunk counts as the sender's sound. */
    public static final double AUDIBLE_LEVEL = AudioRenderSink.AUDIBLE_LEVEL;
    /** RMS of the sender's plain tone, amplitude 0.3. */
    public static final double PLAIN_TONE_LEVEL = 0.212;
    /** RMS of the sender's marker burst, amplitude 0.9. */
    public static final double BURST_LEVEL = 0.636;
    /** Halfway between tone and burst, so that a burst half-way through a chunk still counts. */
    public static final double ONSET_LEVEL = 0.42;
    /** Bursts begin at every multiple of this capture time. */
    public static final long MARKER_PERIOD_MICROS = 1_000_000;
    /** Latencies are assumed above this, so an onset maps to the whole second before it. */
    public static final long MIN_MARKER_LATENCY_MICROS = 20_000;
    /** The plain tone before an onset arrived at most this many onset-chunk durations before it. */
    public static final int ONSET_CONTIGUITY_CHUNKS = 3;
    /** Silence shorter than this is not a gap. */
    public static final long MIN_GAP_MICROS = 60_000;

    private static final Comparator<AudioChunk> BY_ARRIVAL = Comparator.comparingLong(AudioChunk::arrivalMicros);

    public AudioMetrics analyze(List<AudioChunk> chunks, long windowStartMicros, long windowEndMicros) {
        VideoAnalyzer.requireWindow(windowStartMicros, windowEndMicros);
        List<AudioChunk> ordered = inArrivalOrder(chunks);

        int count = 0;
        long deliveredMicros = 0;
        long audibleMicros = 0;
        int audibleChunks = 0;
        double levelSum = 0;
        long firstAudible = -1;
        for (AudioChunk chunk : ordered) {
            if (!inWindow(chunk.arrivalMicros(), windowStartMicros, windowEndMicros)) {
                continue;
            }
            count++;
            deliveredMicros += chunk.durationMicros();
            if (isAudible(chunk)) {
                audibleChunks++;
                audibleMicros += chunk.durationMicros();
                levelSum += chunk.level();
                if (firstAudible < 0) {
                    firstAudible = chunk.arrivalMicros();
                }
            }
        }

        List<Long> gaps = gaps(ordered, windowStartMicros, windowEndMicros);
        LatencyHistogram latency = markerLatencies(ordered, windowStartMicros, windowEndMicros);
        return new AudioMetrics(
                windowStartMicros,
                windowEndMicros,
                count,
                deliveredMicros / 1000.0,
                (windowEndMicros - windowStartMicros) / 1000.0,
                audibleMicros / 1000.0,
                gaps.size(),
                gaps.stream().mapToLong(Long::longValue).sum() / 1000.0,
                gaps.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0,
                audibleChunks == 0 ? Double.NaN : levelSum / audibleChunks,
                firstAudible,
                latency.percentileMillis(50),
                latency.percentileMillis(95),
                latency.maxMillis(),
                (int) latency.count());
    }

    /**
     * Milliseconds from {@code referenceMicros} to the first audible chunk that arrived at or after
     * it; empty when none did.
     */
    public OptionalDouble firstAudioDelayMillis(List<AudioChunk> chunks, long referenceMicros) {
        return chunks.stream()
                .filter(AudioAnalyzer::isAudible)
                .mapToLong(AudioChunk::arrivalMicros)
                .filter(arrival -> arrival >= referenceMicros)
                .min()
                .stream()
                .mapToDouble(arrival -> (arrival - referenceMicros) / 1000.0)
                .findFirst();
    }

    /** The whole second of capture time a marker onset arriving at {@code arrivalMicros} began at. */
    public static long markerCaptureMicros(long arrivalMicros) {
        return Math.floorDiv(arrivalMicros - MIN_MARKER_LATENCY_MICROS, MARKER_PERIOD_MICROS) * MARKER_PERIOD_MICROS;
    }

    private static boolean isAudible(AudioChunk chunk) {
        return chunk.level() >= AUDIBLE_LEVEL;
    }

    private static boolean inWindow(long micros, long startMicros, long endMicros) {
        return micros >= startMicros && micros < endMicros;
    }

    /** Durations of the silences of at least {@link #MIN_GAP_MICROS} inside the window. */
    private static List<Long> gaps(List<AudioChunk> ordered, long startMicros, long endMicros) {
        // Chunks arrive in order, so their start times are sorted; only their ends need a running max.
        List<Long> gaps = new ArrayList<>();
        long soundUntil = startMicros;
        for (AudioChunk chunk : ordered) {
            long from = chunk.arrivalMicros();
            long to = from + chunk.durationMicros();
            if (!isAudible(chunk) || to <= startMicros || to <= from) {
                continue;
            }
            if (from >= endMicros) {
                break;
            }
            addIfGap(gaps, soundUntil, from);
            soundUntil = Math.max(soundUntil, to);
        }
        addIfGap(gaps, soundUntil, endMicros);
        return gaps;
    }

    private static void addIfGap(List<Long> gaps, long silenceFrom, long silenceTo) {
        if (silenceTo - silenceFrom >= MIN_GAP_MICROS) {
            gaps.add(silenceTo - silenceFrom);
        }
    }

    private static LatencyHistogram markerLatencies(List<AudioChunk> ordered, long startMicros, long endMicros) {
        LatencyHistogram latency = new LatencyHistogram();
        long lastMarkerCapture = Long.MIN_VALUE;
        for (int i = 1; i < ordered.size(); i++) {
            AudioChunk chunk = ordered.get(i);
            if (chunk.arrivalMicros() >= endMicros) {
                break;
            }
            if (!isOnset(ordered.get(i - 1), chunk)) {
                continue;
            }
            long capture = markerCaptureMicros(chunk.arrivalMicros());
            if (capture == lastMarkerCapture) {
                continue;
            }
            lastMarkerCapture = capture;
            if (chunk.arrivalMicros() >= startMicros) {
                latency.record(chunk.arrivalMicros() - capture);
            }
        }
        return latency;
    }

    private static boolean isOnset(AudioChunk previous, AudioChunk chunk) {
        return chunk.level() >= ONSET_LEVEL
                && previous.level() < ONSET_LEVEL
                && isAudible(previous)
                && chunk.arrivalMicros() - previous.arrivalMicros() <= ONSET_CONTIGUITY_CHUNKS * chunk.durationMicros();
    }

    private static List<AudioChunk> inArrivalOrder(List<AudioChunk> chunks) {
        for (int i = 1; i < chunks.size(); i++) {
            if (chunks.get(i).arrivalMicros() < chunks.get(i - 1).arrivalMicros()) {
                List<AudioChunk> sorted = new ArrayList<>(chunks);
                sorted.sort(BY_ARRIVAL);
                return sorted;
            }
        }
        return chunks;
    }
}
