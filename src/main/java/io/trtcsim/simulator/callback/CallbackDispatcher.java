package io.trtcsim.simulator.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs callbacks to one app server URL the way TRTC does: signed, with retries per a
 * {@link CallbackPolicy}, never holding up the simulator thread that reports the event.
 *
 * <p>Ordering. One sender thread makes every attempt, so callbacks leave in the order they were
 * dispatched, one request at a time; a callback's immediate retries are made before the next
 * callback is sent. A callback still failing after those waits for its spaced retries off the line:
 * they are scheduled on the same thread, and later callbacks are sent meanwhile. So an app server
 * that is only briefly unwell sees every callback in order, while one that keeps failing cannot hold
 * the others back for longer than a callback's first attempts take (at most
 * {@code (1 + immediateRetries) * timeout}); a late retry may then arrive after later callbacks,
 * with its original EventMsTs and UniqueId.
 *
 * <p>Each attempt re-signs the body, because CallbackTs is the time of that attempt; the UniqueId
 * stays the same for all attempts at one callback.
 *
 * <p>Outcomes. HTTP 200 is success whatever the body says (a body other than {@code {"code":0}} is
 * logged at INFO). Another status, a timeout or a connection error is a failed attempt, logged at
 * WARN with its reason; a callback whose last attempt failed is abandoned and logged at ERROR.
 *
 * <p>{@link #close()} cancels pending first attempts and retries, interrupts one in progress, and
 * returns once the dispatcher's threads have ended. The JDK 17 {@link HttpClient} cannot be closed:
 * its selector thread is a daemon and ends once the client is garbage.
 */
public final class CallbackDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(5);

    private final URI callbackUrl;
    private final CallbackPolicy policy;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final CallbackSigner signer = new CallbackSigner();
    private final ScheduledThreadPoolExecutor sender;
    private final ExecutorService httpWorkers;
    private final HttpClient http;
    private final AtomicLong nextUniqueId = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 52));
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();

    public CallbackDispatcher(URI callbackUrl, CallbackPolicy policy, Clock clock) {
        this.callbackUrl = Objects.requireNonNull(callbackUrl, "callbackUrl");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        String scheme = callbackUrl.getScheme();
        if ((!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) || callbackUrl.getHost() == null) {
            throw new IllegalArgumentException("callbackUrl must be an absolute http(s) URL, was " + callbackUrl);
        }
        String threadPrefix = "trtc-callback-" + Integer.toHexString(System.identityHashCode(this));
        this.sender = new ScheduledThreadPoolExecutor(1, daemonThreads(threadPrefix + "-sender"));
        this.sender.setRemoveOnCancelPolicy(true);
        this.sender.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.httpWorkers = Executors.newCachedThreadPool(daemonThreads(threadPrefix + "-http"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(policy.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpWorkers)
                .build();
    }

    /**
     * Queues {@code callback} for delivery signed with {@code callbackKey} and returns at once.
     * After {@link #close()} the callback is dropped (logged at DEBUG).
     */
    public void dispatch(RoomCallback callback, String callbackKey) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(callbackKey, "callbackKey");
        if (callbackKey.isEmpty()) {
            throw new IllegalArgumentException("callbackKey must not be empty");
        }
        Delivery delivery = new Delivery(callback, callbackKey, nextUniqueId.getAndIncrement());
        if (closed.get()) {
            log.debug("dispatcher closed; {} dropped", delivery);
            return;
        }
        try {
            sender.execute(() -> firstAttempts(delivery));
        } catch (RejectedExecutionException e) {
            log.debug("dispatcher closed; {} dropped", delivery);
        }
    }

    /** Callbacks the app server answered with HTTP 200. */
    public long delivered() {
        return delivered.get();
    }

    /** Attempts that failed: another status, a timeout or a connection error. */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /** Callbacks given up on after the policy's last attempt failed. */
    public long abandoned() {
        return abandoned.get();
    }

    /** Stops everything; pending callbacks and retries are dropped, not counted as abandoned. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Runnable> pending = sender.shutdownNow();
        httpWorkers.shutdownNow();
        if (!pending.isEmpty()) {
            log.debug("closing: {} pending callback attempts cancelled", pending.size());
        }
        try {
            long deadline = System.nanoTime() + CLOSE_PATIENCE.toNanos();
            boolean ended = sender.awaitTermination(CLOSE_PATIENCE.toNanos(), TimeUnit.NANOSECONDS)
                    && httpWorkers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!ended) {
                log.warn("callback threads for {} still running {} after close", callbackUrl, CLOSE_PATIENCE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void firstAttempts(Delivery delivery) {
        delivery.firstAttemptNanos = System.nanoTime();
        for (int i = 0; i <= policy.immediateRetries(); i++) {
            Outcome outcome = attempt(delivery);
            if (outcome != Outcome.FAILED) {
                return;
            }
        }
        scheduleSpacedRetry(delivery, 1);
    }

    /** Spaced retry {@code n} is due n retry intervals after the first attempt began. */
    private void scheduleSpacedRetry(Delivery delivery, int n) {
        if (n > policy.spacedRetries()) {
            abandon(delivery);
            return;
        }
        long due = delivery.firstAttemptNanos + n * policy.retryInterval().toNanos();
        long delay = Math.max(0, due - System.nanoTime());
        try {
            sender.schedule(() -> {
                if (attempt(delivery) == Outcome.FAILED) {
                    scheduleSpacedRetry(delivery, n + 1);
                }
            }, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("dispatcher closed; retries of {} cancelled", delivery);
        }
    }

    private void abandon(Delivery delivery) {
        if (closed.get()) {
            return;
        }
        abandoned.incrementAndGet();
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - delivery.firstAttemptNanos);
        log.error("gave up on {} to {} after {} attempts over {} ms; last failure: {}", delivery, callbackUrl,
                delivery.attempts, elapsedMillis, delivery.lastFailure);
    }

    private Outcome attempt(Delivery delivery) {
        if (closed.get()) {
            return Outcome.STOPPED;
        }
        int number = ++delivery.attempts;
        String body = delivery.callback.toJson(json, clock.millis(), delivery.uniqueId);
        HttpRequest request = HttpRequest.newBuilder(callbackUrl)
                .timeout(policy.timeout())
                .header("Content-Type", "application/json")
                .header("Sign", signer.sign(delivery.callbackKey, body))
                .header("SdkAppId", Long.toString(delivery.callback.sdkAppId()))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        // send() on a worker of our pool rather than sendAsync(): on a machine of two cores or fewer,
        // the JDK hands each sendAsync's completion to CompletableFuture's default executor, which
        // is then a new thread per task — a thread per callback, thousands for a ramp of joins.
        Future<HttpResponse<String>> exchange;
        try {
            exchange = httpWorkers.submit(() -> http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (RejectedExecutionException e) {
            return Outcome.STOPPED;
        }
        String failure;
        try {
            // The request timeout covers the wait for the headers; this one also a body that stalls.
            HttpResponse<String> response = exchange.get(policy.timeout().toNanos(), TimeUnit.NANOSECONDS);
            if (response.statusCode() == 200) {
                delivered.incrementAndGet();
                noteAnswer(delivery, number, response.body());
                return Outcome.DELIVERED;
            }
            failure = "HTTP " + response.statusCode();
        } catch (TimeoutException e) {
            exchange.cancel(true);
            failure = noResponse();
        } catch (ExecutionException e) {
            failure = describe(e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.STOPPED;
        }
        if (closed.get()) {
            return Outcome.STOPPED;
        }
        delivery.lastFailure = failure;
        failedAttempts.incrementAndGet();
        log.warn("{} to {}: attempt {} of {} failed: {}", delivery, callbackUrl, number, policy.maxAttempts(), failure);
        return Outcome.FAILED;
    }

    private void noteAnswer(Delivery delivery, int attempt, String answer) {
        if (!isCodeZero(answer)) {
            log.info("{} delivered (attempt {}), but the app answered {} rather than {{\"code\":0}}", delivery,
                    attempt, answer.isEmpty() ? "an empty body" : abbreviate(answer));
        } else {
            log.debug("{} delivered (attempt {})", delivery, attempt);
        }
    }

    private boolean isCodeZero(String answer) {
        try {
            JsonNode node = json.readTree(answer);
            return node != null && node.isObject() && node.path("code").isIntegralNumber()
                    && node.path("code").asLong() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private String noResponse() {
        return "no response within " + policy.timeout().toMillis() + " ms";
    }

    private String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection within " + policy.timeout().toMillis() + " ms";
        }
        if (cause instanceof HttpTimeoutException) {
            return noResponse();
        }
        if (cause instanceof ConnectException) {
            return cause.getMessage() == null ? "connection refused" : "connection refused (" + cause.getMessage() + ")";
        }
        if (cause instanceof IOException) {
            return "connection error (" + cause + ")";
        }
        return String.valueOf(cause);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private enum Outcome { DELIVERED, FAILED, STOPPED }

    /** One callback on its way; its mutable fields are only touched on the sender thread. */
    private static final class Delivery {
        final RoomCallback callback;
        final String callbackKey;
        final long uniqueId;
        long firstAttemptNanos;
        int attempts;
        String lastFailure;

        Delivery(RoomCallback callback, String callbackKey, long uniqueId) {
            this.callback = callback;
            this.callbackKey = callbackKey;
            this.uniqueId = uniqueId;
        }

        @Override
        public String toString() {
            return "callback " + callback.describe() + " UniqueId " + uniqueId;
        }
    }
}
