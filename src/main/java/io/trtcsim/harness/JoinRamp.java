package io.trtcsim.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Many participants joining one room at a steady rate, as an audience arrives: joins start evenly
 * spread (a rate of 10 starts one every 100 ms) and run concurrently; it returns when all have
 * joined, or fails naming every participant that did not, and why.
 */
public final class JoinRamp {

    /** How many failures a message lists by name; the rest are counted. */
    private static final int NAMED_FAILURES = 20;

    private final double joinsPerSecond;
    private final Duration callTimeout;

    public JoinRamp(double joinsPerSecond, Duration callTimeout) {
        if (!(joinsPerSecond > 0) || Double.isInfinite(joinsPerSecond)) {
            throw new IllegalArgumentException("a join rate must be more than 0 joins per second, got " + joinsPerSecond);
        }
        this.joinsPerSecond = joinsPerSecond;
        this.callTimeout = callTimeout;
    }

    /** Joins every participant (each with a client already) to the room; see the class comment. */
    public void join(List<Participant> joining, long roomId) {
        Map<Participant, CompletableFuture<Void>> pending = new LinkedHashMap<>();
        long start = System.nanoTime();
        double intervalNanos = 1e9 / joinsPerSecond;
        Map<Participant, String> failures = new LinkedHashMap<>();
        for (int i = 0; i < joining.size(); i++) {
            // Pacing, not waiting for a condition: the i-th join starts at its slot of the rate.
            long due = start + (long) (i * intervalNanos);
            long early = due - System.nanoTime();
            if (early > 0) {
                LockSupport.parkNanos(early);
            }
            Participant participant = joining.get(i);
            try {
                pending.put(participant, participant.startJoin(roomId));
            } catch (RuntimeException e) {
                failures.put(participant, e.getMessage());
            }
        }
        long deadline = System.nanoTime() + callTimeout.toNanos();
        for (Map.Entry<Participant, CompletableFuture<Void>> entry : pending.entrySet()) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                entry.getValue().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                failures.put(entry.getKey(), "did not complete within " + callTimeout.toMillis()
                        + " ms of the last join's start (harness.timeout.call)");
            } catch (ExecutionException e) {
                failures.put(entry.getKey(), rootMessage(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while " + joining.size() + " participants joined room " + roomId);
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + joining.size() + " participants did not join room " + roomId
                    + " (joins started at " + String.format(Locale.ROOT, "%.0f", joinsPerSecond) + " per second):\n"
                    + describe(failures));
        }
    }

    private static String describe(Map<Participant, String> failures) {
        List<String> lines = new ArrayList<>();
        failures.entrySet().stream().limit(NAMED_FAILURES)
                .forEach(failure -> lines.add("  " + failure.getKey() + ": " + failure.getValue()));
        if (failures.size() > NAMED_FAILURES) {
            Map<String, Long> reasons = failures.values().stream().skip(NAMED_FAILURES)
                    .collect(Collectors.groupingBy(reason -> reason, LinkedHashMap::new, Collectors.counting()));
            reasons.forEach((reason, count) -> lines.add("  and " + count + " more: " + reason));
        }
        return String.join("\n", lines);
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
