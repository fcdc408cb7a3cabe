package io.trtcsim.fuzz;

import io.trtcsim.concurrent.DaemonThreads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Polls {@code GET /health} every 200 ms on a thread and an HTTP client of its own, and keeps the
 * slowest answer: one slower than {@link #LIMIT} (or none, or not 200) is a finding.
 */
final class HealthPoller implements AutoCloseable {

    static final Duration LIMIT = Duration.ofSeconds(1);
    static final Duration PERIOD = Duration.ofMillis(200);
    /** How long one poll may wait before it counts as unanswered (well above the limit, to measure how slow). */
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final URI url;
    private final HttpClient http;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("fuzz-health"));
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong slow = new AtomicLong();
    private final AtomicLong worstMillis = new AtomicLong();
    private final AtomicReference<String> firstProblem = new AtomicReference<>();

    HealthPoller(URI url) {
        this.url = url;
        this.http = HttpClient.newBuilder().connectTimeout(WAIT).build();
    }

    /**
     * A first request, not counted (it sets up this JVM's HTTP client, which takes longer than any
     * server), then a poll every 200 ms. FuzzCannotRunException when that first request fails.
     */
    void start() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(WAIT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new FuzzCannotRunException("GET " + url + " answered " + response.statusCode() + ", not 200");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FuzzCannotRunException("interrupted while asking " + url, e);
        } catch (java.io.IOException e) {
            throw new FuzzCannotRunException("GET " + url + " failed: " + e, e);
        }
        thread.scheduleAtFixedRate(this::poll, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        long start = System.nanoTime();
        String problem = null;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(WAIT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                problem = "GET " + url + " answered " + response.statusCode();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            problem = "GET " + url + " failed: " + e;
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        polls.incrementAndGet();
        worstMillis.accumulateAndGet(millis, Math::max);
        if (problem == null && millis > LIMIT.toMillis()) {
            problem = "GET " + url + " took " + millis + " ms";
        }
        if (problem != null) {
            slow.incrementAndGet();
            firstProblem.compareAndSet(null, problem);
        }
    }

    long polls() {
        return polls.get();
    }

    /** Polls slower than the limit, unanswered or not 200. */
    long slowPolls() {
        return slow.get();
    }

    long worstMillis() {
        return worstMillis.get();
    }

    Optional<String> firstProblem() {
        return Optional.ofNullable(firstProblem.get());
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(WAIT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
