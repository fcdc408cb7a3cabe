package io.trtcsim.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.Operation;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RemoteVideoStreamType;

/**
 * TRTC's dual stream: a publisher sends a small stream beside the big one (enableSmallStream,
 * setSmallStreamProfile), each subscriber chooses which it receives (setRemoteVideoStreamType).
 */
public class DualStreamSteps {

    private final Participants participants;
    private final ScenarioContext scenario;

    public DualStreamSteps(Participants participants, ScenarioContext scenario) {
        this.participants = participants;
        this.scenario = scenario;
    }

    @When("{participant} enables the small stream")
    public void enableSmallStream(String name) {
        participants.named(name).enableSmallStream();
    }

    @When("{participant} enables the small stream at {int}x{int} {int} fps and {int} kbps")
    public void enableSmallStreamWithProfile(String name, int width, int height, int frameRate, int bitrateKbps) {
        participants.named(name).enableSmallStream(width, height, frameRate, bitrateKbps);
    }

    @When("{participant} switches the stream of {participant} to {string}")
    public void switchStream(String name, String publisher, String type) {
        participants.named(name).setRemoteVideoStreamType(publisher, RemoteVideoStreamType.named(type));
    }

    @When("{participant} tries to switch the stream of {participant} to {string}")
    public void tryToSwitchStream(String name, String publisher, String type) {
        participants.named(name).tryToSetRemoteVideoStreamType(publisher, type);
    }

    @Then("{participant} fails to switch the stream with error {errorCode} mentioning {string}")
    public void failsToSwitchStream(String name, ErrorCode code, String mentioning) {
        Expectations.failedWith(participants.named(name), Operation.SET_REMOTE_VIDEO_STREAM_TYPE, code, mentioning);
    }

    @Then("{participant} sees that {participant} has a small stream")
    public void seesSmallStream(String name, String publisher) {
        Expectations.seesSmallStream(participants.named(name), publisher, true, scenario.config().eventTimeout());
    }

    @Then("{participant} sees that {participant} has no small stream")
    public void seesNoSmallStream(String name, String publisher) {
        Expectations.seesSmallStream(participants.named(name), publisher, false, scenario.config().eventTimeout());
    }
}
