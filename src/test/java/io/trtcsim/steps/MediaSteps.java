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

    @Then("{participant} renders at least {int} new video frames from {participant} within {duration}")
    public void rendersNewVideoFrames(String name, int frames, String from, Duration within) {
        Expectations.rendersNewVideoFrames(scenario.participant(name), from, frames, within);
    }

    @Then("{participant} renders no video frames from {participant} for {duration}")
    public void rendersNoVideo(String name, String from, Duration period) {
        Expectations.rendersNoVideo(scenario.participant(name), from, period);
    }

    @Then("{participant} receives no audio from {participant} for {duration}")
    public void receivesNoAudio(String name, String from, Duration period) {
        Expectations.receivesNoAudio(scenario.participant(name), from, period);
    }

    @Then("{participant} sees the {mediaKind} of {participant} {muteState}")
    public void seesMuted(String name, String kind, String from, Boolean muted) {
        Expectations.seesMuted(scenario.participant(name), from, kind.equals("audio"), muted, scenario.config().eventTimeout());
    }

    @Then("{participant} receives audio from {participant} within {duration}")
    public void receivesAudio(String name, String from, Duration within) {
        Expectations.receivesAudio(scenario.participant(name), from, within);
    }
}
