package io.trtcsim.steps;

import io.cucumber.java.en.Then;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.Operation;
import io.trtcsim.harness.Participants;
import io.trtcsim.trtc.ErrorCode;

/** Checks on calls made with 'tries to': they must have been refused with the documented code. */
public class ErrorSteps {

    private final Participants participants;

    public ErrorSteps(Participants participants) {
        this.participants = participants;
    }

    @Then("{participant} fails to join with error {errorCode}")
    public void failsToJoin(String name, ErrorCode code) {
        Expectations.failedWith(participants.named(name), Operation.JOIN, code);
    }

    @Then("{participant} fails to join with error {errorCode} and extra code {int}")
    public void failsToJoinWithExtraCode(String name, ErrorCode code, int extraCode) {
        Expectations.failedWith(participants.named(name), Operation.JOIN, code, extraCode);
    }

    @Then("{participant} fails to join with error {errorCode} and extra code {int} mentioning {string}")
    public void failsToJoinWithExtraCodeMentioning(String name, ErrorCode code, int extraCode, String mentioning) {
        Expectations.failedWith(participants.named(name), Operation.JOIN, code, extraCode);
        Expectations.failedWith(participants.named(name), Operation.JOIN, code, mentioning);
    }

    @Then("{participant} fails to join with error {errorCode} mentioning {string}")
    public void failsToJoinMentioning(String name, ErrorCode code, String mentioning) {
        Expectations.failedWith(participants.named(name), Operation.JOIN, code, mentioning);
    }

    @Then("{participant} fails to initialize the local stream with error {errorCode}")
    public void failsToInitialize(String name, ErrorCode code) {
        Expectations.failedWith(participants.named(name), Operation.INITIALIZE, code);
    }

    @Then("{participant} fails to switch role with error {errorCode}")
    public void failsToSwitchRole(String name, ErrorCode code) {
        Expectations.failedWith(participants.named(name), Operation.SWITCH_ROLE, code);
    }

    @Then("{participant} fails to publish with error {errorCode}")
    public void failsToPublish(String name, ErrorCode code) {
        Expectations.failedWith(participants.named(name), Operation.PUBLISH, code);
    }
}
