package io.trtcsim.steps;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.trtcsim.harness.ParticipantNetworks;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.RangeFigures;
import io.trtcsim.harness.ScenarioReport;

/**
 * Attaches to the running step what explains it, so a reader finds it where the assertion is.
 * Cucumber hands the Scenario to hooks only; it is kept from one for the steps of the same scenario.
 */
public class StepReport {

    private final Participants participants;
    private final ParticipantNetworks networks;
    private volatile Scenario report;

    public StepReport(Participants participants, ParticipantNetworks networks) {
        this.participants = participants;
        this.networks = networks;
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
            ScenarioReport.attachMediaSummary(report::attach, participants, networks.timeline(), from, to);
        }
    }

    /** Runs a check of a range's figures, then attaches their table and plots, whether it passed or not. */
    void withRangeFigures(RangeFigures figures, Runnable check) {
        try {
            check.run();
        } finally {
            ScenarioReport.attachRangeFigures(report::attach, figures);
        }
    }
}
