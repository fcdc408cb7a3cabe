package io.trtcsim.harness;

import static org.awaitility.Awaitility.await;

import io.trtcsim.trtc.RoomId;
import io.trtcsim.trtc.RtcError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Joins many participants to one room at a steady rate, as an audience arrives: joins start 1 / rate
 * seconds apart without waiting for the ones before to be answered, and {@link #join} returns once
 * every one has been. Each participant needs its client (and, in live mode, its role) first. A join
 * that fails, or is not answered within the patience after the last one started, makes {@link #join}
 * fail naming every participant that did not join, grouped by why.
 *
 * <p>At most {@code window} joins wait for their answer at once: a stack that answers slower than the
 * rate (a simulator in a container whose JVM has just started, a stack on a busy machine) gets the
 * next join when it has answered one, not a backlog. Buried under joins it cannot answer yet, it
 * answered the members already in late too, past their SDKs' 2 s of heartbeat silence, and they all
 * reconnected at once: a storm the ramp itself had made (crowds.feature failed so on the simulator
 * container). After a wait for the window the pace goes on from then, not in a burst to catch up.
 */
public final class JoinRamp {

    private static final Duration POLL = Duration.ofMillis(50);
    /** How many participants a failure names for each reason; the rest are counted. */
    private static final int NAMED = 25;

    private final double joinsPerSecond;
    private final int window;
    private final Duration patience;

    /**
     * @param joinsPerSecond how many joins start each second at most (more than 0)
     * @param window how many joins may wait for their answer at once (1 or more)
     * @param patience how long the last join started may take to be answered, and the longest wait
     *                 for a place in the window
     */
    public JoinRamp(double joinsPerSecond, int window, Duration patience) {
        if (!(joinsPerSecond > 0) || Double.isInfinite(joinsPerSecond)) {
            throw new IllegalArgumentException("a join ramp needs a rate above 0 joins per second, got " + joinsPerSecond);
        }
        if (window < 1) {
            throw new IllegalArgumentException("a join ramp needs a window of 1 or more joins awaiting their answer, got "
                    + window);
        }
        if (patience == null || patience.isNegative() || patience.isZero()) {
            throw new IllegalArgumentException("a join ramp needs a positive patience, got " + patience);
        }
        this.joinsPerSecond = joinsPerSecond;
        this.window = window;
        this.patience = patience;
    }

    public JoinRamp atRate(double newJoinsPerSecond) {
        return new JoinRamp(newJoinsPerSecond, window, patience);
    }

    public double joinsPerSecond() {
        return joinsPerSecond;
    }

    /**
     * Joins every participant to {@code roomId} at the ramp's rate and returns when all have joined,
     * with how long that took from the first start.
     *
     * @throws AssertionError naming the participants that did not join, and why
     */
    public Duration join(List<Participant> participants, RoomId roomId) {
        return join(participants, participant -> participant.startJoining(roomId), Participant::userId, roomId);
    }

    /** The ramp over anything that starts a join: {@code start} begins one, {@code name} names its member. */
    <T> Duration join(List<T> members, Function<T, CompletableFuture<Void>> start, Function<T, String> name,
                      RoomId roomId) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a join ramp to room " + roomId + " needs participants, got none");
        }
        long startedAt = System.nanoTime();
        long intervalNanos = Math.round(1e9 / joinsPerSecond);
        Semaphore unanswered = new Semaphore(window);
        Map<String, CompletableFuture<Void>> joins = new LinkedHashMap<>();
        long due = startedAt;
        boolean stalled = false;
        for (T member : members) {
            // Pacing to a schedule, not a wait for a condition: a start that comes late (a busy
            // machine) is not made up for by starting the next ones early in a burst.
            for (long early = due - System.nanoTime(); early > 0 && !stalled; early = due - System.nanoTime()) {
                LockSupport.parkNanos(early);
            }
            // A stack that left a whole window unanswered for the patience is not waited for again per member.
            stalled = stalled || !placeInWindow(unanswered);
            if (stalled) {
                joins.put(name.apply(member), CompletableFuture.failedFuture(new IllegalStateException("not started: "
                        + window + " joins before it were still unanswered after " + patience.toMillis() + " ms")));
                continue;
            }
            due = Math.max(due, System.nanoTime()) + intervalNanos;
            CompletableFuture<Void> join;
            try {
                join = start.apply(member);
            } catch (RuntimeException e) {
                join = CompletableFuture.failedFuture(e);
            }
            join.whenComplete((joined, failure) -> unanswered.release());
            joins.put(name.apply(member), join);
        }
        String what = members.size() + " participants to join room " + roomId + " at " + joinsPerSecond + "/s";
        try {
            await(what).atMost(patience).pollInterval(POLL)
                    .until(() -> joins.values().stream().allMatch(CompletableFuture::isDone));
        } catch (ConditionTimeoutException e) {
            // Described below, with the ones that failed.
        }
        Map<String, List<String>> notJoined = notJoined(joins);
        if (!notJoined.isEmpty()) {
            throw new AssertionError(describe(notJoined, members.size(), roomId));
        }
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Waits for one of the joins awaiting their answer to be answered, for at most the patience. */
    private boolean placeInWindow(Semaphore unanswered) {
        try {
            return unanswered.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a join ramp waited for a stack's answers", e);
        }
    }

    /** Why → who, for every join that failed or was not answered in time. */
    private Map<String, List<String>> notJoined(Map<String, CompletableFuture<Void>> joins) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        joins.forEach((member, join) -> {
            String why = null;
            if (!join.isDone()) {
                why = "no answer within " + patience.toMillis() + " ms of the last join's start";
            } else if (join.isCompletedExceptionally()) {
                why = reason(join);
            }
            if (why != null) {
                byReason.computeIfAbsent(why, reason -> new ArrayList<>()).add(member);
            }
        });
        return byReason;
    }

    private static String reason(CompletableFuture<Void> join) {
        try {
            join.get();
            return "joined";
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            // An RtcError's message starts with its code already.
            return cause instanceof RtcError ? cause.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while reading the failure";
        }
    }

    private static String describe(Map<String, List<String>> notJoined, int total, RoomId roomId) {
        int failed = notJoined.values().stream().mapToInt(List::size).sum();
        StringBuilder text = new StringBuilder(failed + " of " + total + " participants did not join room " + roomId + ":");
        notJoined.forEach((why, names) -> {
            // Thousands of an audience can fail alike: the first names say who, the count says how many.
            String shown = String.join(", ", names.subList(0, Math.min(NAMED, names.size())))
                    + (names.size() > NAMED ? " and " + (names.size() - NAMED) + " more" : "");
            text.append("\n  ").append(why).append(" (").append(names.size()).append("): ").append(shown);
        });
        return text.toString();
    }
}
