package io.trtcsim.soak;

import io.trtcsim.soak.ScenarioOutcome.Outcome;

/** The scenarios of a soak run's measured loops, counted as the loops end. */
final class SoakTally {

    private int loops;
    private long passed;
    private long failed;
    private long skipped;

    void add(JunitReport loop) {
        loops++;
        passed += loop.count(Outcome.PASSED);
        failed += loop.count(Outcome.FAILED);
        skipped += loop.count(Outcome.SKIPPED);
    }

    int loops() {
        return loops;
    }

    long run() {
        return passed + failed + skipped;
    }

    long failed() {
        return failed;
    }

    String line() {
        return run() + " run: " + passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
}
