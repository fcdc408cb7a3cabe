package io.trtcsim.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.Participants;
import io.trtcsim.trtc.DeviceKind;

/**
 * Cameras, microphones and speakers: TRTC.getCameras() and friends, streams captured from a named device,
 * and TRTC.checkSystemRequirements().
 */
public class DeviceSteps {

    private final Participants participants;

    public DeviceSteps(Participants participants) {
        this.participants = participants;
    }

    @Then("{participant} lists a {deviceKind} named {string}")
    public void listsDevice(String name, DeviceKind kind, String idOrLabel) {
        Expectations.listsDevice(participants.named(name), kind, idOrLabel);
    }

    @Then("{participant} finds the system requirements met")
    public void findsSystemRequirementsMet(String name) {
        Expectations.findsSystemRequirementsMet(participants.named(name));
    }

    @Then("{participant} finds {string} {truth} in the system requirements")
    public void findsSystemRequirement(String name, String field, boolean expected) {
        Expectations.findsSystemRequirement(participants.named(name), field, expected);
    }

    @When("{participant} creates a local stream from the {deviceKind} {string}")
    public void createStreamFromDevice(String name, DeviceKind kind, String idOrLabel) {
        participants.namedOrNew(name).createStreamFromDevice(kind, idOrLabel);
    }
}
