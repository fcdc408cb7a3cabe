package io.trtcsim.steps;

import io.cucumber.java.en.Then;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.ScenarioContext;
import java.time.Duration;

/** Checks on the media a participant renders from another. */
public class MediaSteps {

    private final ScenarioContext scenario;

    public MediaSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @Then("{participant} renders at least {int} video frames from {participant} within {duration}")
    public void rendersVideoFrames(String name, int frames, String from, Duration within) {
        Expectations.rendersVideoFrames(scenario.participant(name), from, frames, within);
    }

    @Then("{participant} receives audio from {participant} within {duration}")
    public void receivesAudio(String name, String from, Duration within) {
        Expectations.receivesAudio(scenario.participant(name), from, within);
    }
}
