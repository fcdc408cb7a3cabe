package io.trtcsim.load;

import io.trtcsim.harness.Participant;
import io.trtcsim.media.InboundVideoStats;
import io.trtcsim.media.metrics.DecodedVideoMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * libwebrtc's counters of the video that stats-only subscribers receive, read once per interval
 * (one getStats() per subscriber and publisher), so that any window between two readings can be
 * measured as {@link DecodedVideoMetrics}: frames decoded, frame rate, freezes. A stats-only
 * subscriber renders nothing into Java, so these readings are all a load run knows of its video.
 */
final class ReceivedVideoReadings {

    private record StreamKey(String subscriber, String publisher) {
    }

    private final Map<StreamKey, List<InboundVideoStats>> readings = new ConcurrentHashMap<>();

    /**
     * Reads the counters of every stream given, all at once, waiting at most {@code within} for the
     * lot; a stream without video yet (or a reading that did not come back in time) adds nothing.
     *
     * @return the streams whose reading failed or came late, "subscriber ← publisher: why"
     */
    List<String> readAll(Map<Participant, List<String>> streams, Duration within) {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        streams.forEach((subscriber, publishers) -> {
            for (String publisher : publishers) {
                StreamKey key = new StreamKey(subscriber.userId(), publisher);
                CompletableFuture<Optional<InboundVideoStats>> reading;
                try {
                    reading = subscriber.client().receivedVideoStats(publisher);
                } catch (RuntimeException e) {
                    problems.add(key.subscriber() + " ← " + publisher + ": " + e.getMessage());
                    continue;
                }
                pending.add(reading.thenAccept(stats -> stats.ifPresent(value ->
                                readings.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(value)))
                        .exceptionally(failure -> {
                            problems.add(key.subscriber() + " ← " + publisher + ": " + failure.getMessage());
                            return null;
                        }));
            }
        });
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            problems.add(pending.stream().filter(f -> !f.isDone()).count() + " getStats() readings gave no report within "
                    + within.toMillis() + " ms");
        } catch (ExecutionException e) {
            problems.add("a getStats() reading failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted while reading getStats()");
        }
        return problems;
    }

    /**
     * The window between the readings nearest to {@code fromMicros} and to {@code toMicros} (a
     * reading is taken at each sample, so each is at most a getStats() round trip away); empty when
     * those are one reading, or of two downlinks (the subscriber subscribed again between them).
     */
    Optional<DecodedVideoMetrics> between(String subscriber, String publisher, long fromMicros, long toMicros) {
        List<InboundVideoStats> stream = readings.getOrDefault(new StreamKey(subscriber, publisher), List.of());
        return DecodedVideoMetrics.ofOneDownlink(nearest(stream, fromMicros), nearest(stream, toMicros));
    }

    private static Optional<InboundVideoStats> nearest(List<InboundVideoStats> stream, long micros) {
        return stream.stream().min(Comparator.comparingLong(reading -> Math.abs(reading.atMicros() - micros)));
    }
}
