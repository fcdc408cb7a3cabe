package io.trtcsim.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks a simulator's {@code GET /health} every {@code period} from a thread of its own (and an HTTP
 * client of its own, so nothing it measures is shared with the clients under test), and keeps the
 * slowest answer of each phase of the run. A request that fails or takes longer than
 * {@link #TIMEOUT} counts as that long, with its reason.
 */
final class HealthProbe implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The answers of one phase: how many, the slowest, and the failures. */
    static final class Phase {
        private int answered;
        private int failed;
        private long worstNanos;
        private String lastFailure = "";

        synchronized void record(long nanos, String failure) {
            worstNanos = Math.max(worstNanos, nanos);
            if (failure == null) {
                answered++;
            } else {
                failed++;
                lastFailure = failure;
            }
        }

        synchronized double worstMillis() {
            return worstNanos / 1e6;
        }

        synchronized int answered() {
            return answered;
        }

        synchronized int failed() {
            return failed;
        }

        synchronized String lastFailure() {
            return lastFailure;
        }
    }

    private final URI health;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread probe = new Thread(task, "health-probe");
        probe.setDaemon(true);
        return probe;
    });
    private final Map<String, Phase> phases = new LinkedHashMap<>();
    /** When each phase began (System.nanoTime), in order; a name that comes back is the same phase. */
    private final java.util.List<Map.Entry<Long, String>> timeline = new java.util.ArrayList<>();
    private volatile Phase current;

    private HealthProbe(URI health, String firstPhase) {
        this.health = health;
        phase(firstPhase);
    }

    static HealthProbe start(URI health, Duration period, String firstPhase) {
        HealthProbe probe = new HealthProbe(health, firstPhase);
        probe.thread.scheduleAtFixedRate(probe::ask, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return probe;
    }

    /** From now on answers count for the phase of that name. */
    synchronized void phase(String name) {
        current = phases.computeIfAbsent(name, n -> new Phase());
        timeline.add(Map.entry(System.nanoTime(), name));
    }

    /** The phase the run was in at {@code nanos} (System.nanoTime); the first phase for a moment before it. */
    synchronized String phaseAt(long nanos) {
        String at = timeline.get(0).getValue();
        for (Map.Entry<Long, String> start : timeline) {
            if (start.getKey() - nanos > 0) {
                break;
            }
            at = start.getValue();
        }
        return at;
    }

    synchronized Map<String, Phase> phases() {
        return new LinkedHashMap<>(phases);
    }

    private void ask() {
        Phase phase = current;
        long started = System.nanoTime();
        String failure = null;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                failure = "HTTP " + response.statusCode();
            }
        } catch (IOException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        phase.record(System.nanoTime() - started, failure);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
