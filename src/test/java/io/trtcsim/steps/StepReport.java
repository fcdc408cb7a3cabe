package io.trtcsim.steps;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.trtcsim.harness.ScenarioContext;

/**
 * Attaches to the running step what explains it, so a reader finds it where the assertion is.
 * Cucumber hands the Scenario to hooks only; it is kept from one for the steps of the same scenario.
 */
public class StepReport {

    private final ScenarioContext scenario;
    private Scenario report;

    public StepReport(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @Before
    public void keep(Scenario running) {
        report = running;
    }

    /**
     * Runs a check on the media from one participant to another, then attaches that path's media
     * summary, whether the check passed or failed.
     */
    void withMediaSummary(String from, String to, Runnable check) {
        try {
            check.run();
        } finally {
            ScenarioReport.attachMediaSummary(report, scenario, from, to);
        }
    }
}
