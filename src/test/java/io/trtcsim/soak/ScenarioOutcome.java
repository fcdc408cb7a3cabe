package io.trtcsim.soak;

/**
 * One scenario of one run, as a JUnit XML report names it: {@code classname} (Cucumber writes the
 * feature's name there), {@code name} (the scenario's) and how it ended.
 */
record ScenarioOutcome(String feature, String scenario, Outcome outcome) {

    String title() {
        return feature + ": " + scenario;
    }

    enum Outcome {
        PASSED, FAILED, SKIPPED
    }
}
