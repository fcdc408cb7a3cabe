package io.trtcsim.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.MachineDevices;
import io.trtcsim.harness.Operation;
import io.trtcsim.harness.Participants;
import io.trtcsim.trtc.DeviceKind;
import io.trtcsim.trtc.ErrorCode;

/**
 * Cameras, microphones and speakers: TRTC.getCameras() and friends, streams captured from a named device,
 * and TRTC.checkSystemRequirements().
 */
public class DeviceSteps {

    private final Participants participants;
    private final MachineDevices machine;

    public DeviceSteps(Participants participants, MachineDevices machine) {
        this.participants = participants;
        this.machine = machine;
    }

    @Given("this machine has a microphone {string} playing the marked tone")
    public void machineMicrophone(String name) {
        machine.addMicrophone(name, MachineDevices.Feed.MARKED_TONE);
    }

    @Given("this machine has a microphone {string} playing silence")
    public void silentMachineMicrophone(String name) {
        machine.addMicrophone(name, MachineDevices.Feed.SILENCE);
    }

    @When("{participant} creates a local stream from the machine's default camera")
    public void createStreamFromDefaultCamera(String name) {
        participants.namedOrNew(name).createStreamFromDefaultCamera();
    }

    @When("{participant} switches to the {deviceKind} {string}")
    public void switchDevice(String name, DeviceKind kind, String idOrLabel) {
        participants.named(name).switchDevice(kind, idOrLabel);
    }

    @When("{participant} tries to switch to the {deviceKind} {string}")
    public void tryToSwitchDevice(String name, DeviceKind kind, String idOrLabel) {
        participants.named(name).tryToSwitchDevice(kind, idOrLabel);
    }

    @Then("{participant} fails to switch the device with error {errorCode} mentioning {string}")
    public void failedToSwitchDevice(String name, ErrorCode code, String mentioning) {
        Expectations.failedWith(participants.named(name), Operation.SWITCH_DEVICE, code, mentioning);
    }

    @When("{participant} replaces the track of the local stream with one from the {deviceKind} {string}")
    public void replaceTrack(String name, DeviceKind kind, String idOrLabel) {
        participants.named(name).replaceTrackFrom(kind, idOrLabel);
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
