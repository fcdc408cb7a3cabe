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
import java.util.concurrent.locks.LockSupport;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Joins many participants to one room at a steady rate, as an audience arrives: the i-th join starts
 * i / rate seconds after the first, without waiting for the ones before to be answered, and
 * {@link #join} returns once every one has been. Each participant needs its client (and, in live
 * mode, its role) first. A join that fails, or is not answered within the patience after the last
 * one started, makes {@link #join} fail naming every participant that did not join, grouped by why.
 */
public final class JoinRamp {

    private static final Duration POLL = Duration.ofMillis(50);
    /** How many participants a failure names for each reason; the rest are counted. */
    private static final int NAMED = 25;

    private final double joinsPerSecond;
    private final Duration patience;

    /**
     * @param joinsPerSecond how many joins start each second (more than 0)
     * @param patience how long the last join started may take to be answered
     */
    public JoinRamp(double joinsPerSecond, Duration patience) {
        if (!(joinsPerSecond > 0) || Double.isInfinite(joinsPerSecond)) {
            throw new IllegalArgumentException("a join ramp needs a rate above 0 joins per second, got " + joinsPerSecond);
        }
        if (patience == null || patience.isNegative() || patience.isZero()) {
            throw new IllegalArgumentException("a join ramp needs a positive patience, got " + patience);
        }
        this.joinsPerSecond = joinsPerSecond;
        this.patience = patience;
    }

    public JoinRamp atRate(double newJoinsPerSecond) {
        return new JoinRamp(newJoinsPerSecond, patience);
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
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a join ramp to room " + roomId + " needs participants, got none");
        }
        long startedAt = System.nanoTime();
        long intervalNanos = Math.round(1e9 / joinsPerSecond);
        Map<Participant, CompletableFuture<Void>> joins = new LinkedHashMap<>();
        for (int i = 0; i < participants.size(); i++) {
            // Pacing to a schedule, not a wait for a condition: a start that comes late (a busy
            // machine) is not made up for by starting the next ones early in a burst.
            long due = startedAt + i * intervalNanos;
            for (long early = due - System.nanoTime(); early > 0; early = due - System.nanoTime()) {
                LockSupport.parkNanos(early);
            }
            Participant participant = participants.get(i);
            CompletableFuture<Void> join;
            try {
                join = participant.startJoining(roomId);
            } catch (RuntimeException e) {
                join = CompletableFuture.failedFuture(e);
            }
            joins.put(participant, join);
        }
        String what = participants.size() + " participants to join room " + roomId + " at " + joinsPerSecond + "/s";
        try {
            await(what).atMost(patience).pollInterval(POLL)
                    .until(() -> joins.values().stream().allMatch(CompletableFuture::isDone));
        } catch (ConditionTimeoutException e) {
            // Described below, with the ones that failed.
        }
        Map<String, List<String>> notJoined = notJoined(joins);
        if (!notJoined.isEmpty()) {
            throw new AssertionError(describe(notJoined, participants.size(), roomId));
        }
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Why → who, for every join that failed or was not answered in time. */
    private Map<String, List<String>> notJoined(Map<Participant, CompletableFuture<Void>> joins) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        joins.forEach((participant, join) -> {
            String why = null;
            if (!join.isDone()) {
                why = "no answer within " + patience.toMillis() + " ms of the last join's start";
            } else if (join.isCompletedExceptionally()) {
                why = reason(join);
            }
            if (why != null) {
                byReason.computeIfAbsent(why, reason -> new ArrayList<>()).add(participant.userId());
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
