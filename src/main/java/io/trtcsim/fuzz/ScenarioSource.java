package io.trtcsim.fuzz;

import java.util.Optional;

/**
 * Hands the connections their scenarios in order (0, 1, 2...) until enough hostile messages were
 * sent, the time is up, or the run is stopped by a finding. Scenario {@code n} is the same for a
 * seed whichever connection takes it.
 */
final class ScenarioSource {

    private final HostileMessages messages;
    private final FuzzTally tally;
    private final long target;
    private final long deadlineNanos;
    private long next;
    private String stoppedBy;

    ScenarioSource(HostileMessages messages, FuzzTally tally, long target, long deadlineNanos) {
        this.messages = messages;
        this.tally = tally;
        this.target = target;
        this.deadlineNanos = deadlineNanos;
    }

    synchronized Optional<Scenario> next() {
        if (stoppedBy == null && tally.hostileSent() >= target) {
            stoppedBy = "messages";
        }
        if (stoppedBy == null && System.nanoTime() - deadlineNanos >= 0) {
            stoppedBy = "duration";
        }
        return stoppedBy == null ? Optional.of(messages.scenario(next++)) : Optional.empty();
    }

    /** Stops handing out scenarios; the first reason given is kept. */
    synchronized void stop(String why) {
        if (stoppedBy == null) {
            stoppedBy = why;
        }
    }

    /** Why no more scenarios are handed out: "messages" (the target was reached), "duration", or a finding; null while running. */
    synchronized String stoppedBy() {
        return stoppedBy;
    }
}
