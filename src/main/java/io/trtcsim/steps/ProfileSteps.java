package io.trtcsim.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.Operation;
import io.trtcsim.harness.Participants;
import io.trtcsim.trtc.ErrorCode;

/**
 * LocalStream.setVideoProfile and setAudioProfile, before initialize() or during a call; what they
 * change is checked with the media phrases (resolution, the bitrate a participant sends).
 */
public class ProfileSteps {

    private final Participants participants;

    public ProfileSteps(Participants participants) {
        this.participants = participants;
    }

    @When("{participant} sets the video profile {string}")
    public void setVideoProfile(String name, String preset) {
        participants.named(name).setVideoProfile(preset);
    }

    @When("{participant} sets the video profile to {int}x{int} at {int} fps and {int} kbps")
    public void setCustomVideoProfile(String name, int width, int height, int frameRate, int bitrateKbps) {
        participants.named(name).setVideoProfile(width, height, frameRate, bitrateKbps);
    }

    @When("{participant} tries to set the video profile {string}")
    public void tryToSetVideoProfile(String name, String preset) {
        participants.named(name).tryToSetVideoProfile(preset);
    }

    @Then("{participant} fails to set the video profile with error {errorCode} mentioning {string}")
    public void failsToSetVideoProfile(String name, ErrorCode code, String mentioning) {
        Expectations.failedWith(participants.named(name), Operation.SET_VIDEO_PROFILE, code, mentioning);
    }

    @When("{participant} sets the audio profile {string}")
    public void setAudioProfile(String name, String preset) {
        participants.named(name).setAudioProfile(preset);
    }

    @When("{participant} tries to set the audio profile {string}")
    public void tryToSetAudioProfile(String name, String preset) {
        participants.named(name).tryToSetAudioProfile(preset);
    }

    @Then("{participant} fails to set the audio profile with error {errorCode} mentioning {string}")
    public void failsToSetAudioProfile(String name, ErrorCode code, String mentioning) {
        Expectations.failedWith(participants.named(name), Operation.SET_AUDIO_PROFILE, code, mentioning);
    }
}
