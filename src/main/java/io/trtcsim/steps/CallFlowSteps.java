package io.trtcsim.steps;

import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.sdk.ClientConfig;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.Participant;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.media.VideoProfile;
import io.trtcsim.sdk.MediaInput;
import io.trtcsim.sdk.StreamConfig;
import java.nio.file.Path;
import java.util.Optional;

/** The documented call flow, one SDK call per step. */
public class CallFlowSteps {

    private final ScenarioContext scenario;

    public CallFlowSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @Given("{participant} has created a client in {mode} mode")
    public void createClient(String name, Mode mode) {
        scenario.participantOrNew(name).createClient(mode, scenario.sdkAppId(), scenario.userSigFor(name));
    }

    @Given("{participant} has created a client in {mode} mode that subscribes by itself")
    public void createAutoSubscribingClient(String name, Mode mode) {
        scenario.participantOrNew(name).createClient(new ClientConfig(mode, scenario.sdkAppId(), name,
                scenario.userSigFor(name)).withAutoSubscribe(true));
    }

    @Given("{participant} has created a client in {mode} mode as {role}")
    public void createClientWithRole(String name, Mode mode, Role role) {
        Participant participant = scenario.participantOrNew(name);
        participant.createClient(mode, scenario.sdkAppId(), scenario.userSigFor(name));
        participant.joinAs(role);
    }

    @Given("{participant} has created a client in {mode} mode with {badSignature}")
    public void createClientWithBadSignature(String name, Mode mode, BadSignature signature) {
        scenario.participantOrNew(name).createClient(mode, scenario.sdkAppId(),
                scenario.faultyUserSigFor(name, signature.fault(), signature.otherUser()));
    }

    @Given("{participant} has created a client in {mode} mode with a private map key granting {string}")
    public void createClientWithPrivileges(String name, Mode mode, String privileges) {
        Participant participant = scenario.participantOrNew(name);
        participant.createClient(mode, scenario.sdkAppId(), scenario.userSigFor(name));
        participant.presentPrivateMapKey(scenario.privateMapKeyFor(name, 0, Privileges.parse(privileges)));
    }

    @When("{participant} switches role to {role}")
    public void switchRole(String name, Role role) {
        scenario.participant(name).switchRole(role);
    }

    @When("{participant} tries to switch role to {role}")
    public void tryToSwitchRole(String name, Role role) {
        scenario.participant(name).tryToSwitchRole(role);
    }

    @When("{participant} joins room {room}")
    public void join(String name, Long roomId) {
        scenario.participant(name).join(roomId);
    }

    @When("{participant} tries to join room {room}")
    public void tryToJoin(String name, Long roomId) {
        scenario.participant(name).tryToJoin(roomId);
    }

    @When("{participant} tries to publish the local stream")
    public void tryToPublish(String name) {
        scenario.participant(name).tryToPublish();
    }

    @When("{participant} creates a local stream with {media}")
    public void createLocalStream(String name, MediaChoice media) {
        scenario.participantOrNew(name).createLocalStream(media.audio, media.video, VideoProfile.DEFAULT);
    }

    @When("{participant} creates a local stream with synthetic video {int}x{int} at {int} fps")
    public void createSyntheticStream(String name, int width, int height, int fps) {
        scenario.participantOrNew(name).createLocalStream(true, true, new VideoProfile(width, height, fps));
    }

    @When("{participant} creates a local stream from video file {string}")
    public void createStreamFromVideoFile(String name, String videoFile) {
        scenario.participantOrNew(name).createLocalStream(new StreamConfig(name, true, true, VideoProfile.DEFAULT,
                new MediaInput.Files(Path.of(videoFile), Optional.empty())));
    }

    @When("{participant} creates a local stream from video file {string} and audio file {string}")
    public void createStreamFromFiles(String name, String videoFile, String audioFile) {
        scenario.participantOrNew(name).createLocalStream(new StreamConfig(name, true, true, VideoProfile.DEFAULT,
                new MediaInput.Files(Path.of(videoFile), Optional.of(Path.of(audioFile)))));
    }

    @When("{participant} creates a local stream from the camera and microphone")
    public void createStreamFromDevices(String name) {
        scenario.participantOrNew(name).createLocalStream(new StreamConfig(name, true, true, VideoProfile.DEFAULT,
                new MediaInput.Devices()));
    }

    @When("{participant} tries to initialize the local stream")
    public void tryToInitialize(String name) {
        scenario.participant(name).tryToInitializeLocalStream();
    }

    @When("{participant} initializes the local stream")
    public void initializeLocalStream(String name) {
        scenario.participant(name).initializeLocalStream();
    }

    @When("{participant} plays the local stream in {string}")
    public void playLocalStream(String name, String elementId) {
        scenario.participant(name).playLocalStream(elementId);
    }

    @When("{participant} publishes the local stream")
    public void publish(String name) {
        scenario.participant(name).publish();
    }

    @When("{participant} subscribes to the stream of {participant}")
    public void subscribe(String name, String publisher) {
        scenario.participant(name).subscribeTo(publisher);
    }

    @When("{participant} subscribes to the {mediaKind} of {participant} only")
    public void subscribeToOneKind(String name, MediaKind kind, String publisher) {
        scenario.participant(name).subscribeTo(publisher, kind);
    }

    @When("{participant} plays the stream of {participant} in {string}")
    public void playRemoteStream(String name, String publisher, String elementId) {
        scenario.participant(name).playStreamOf(publisher, elementId);
    }

    @Given("{participant} subscribes to and plays every added stream")
    public void subscribeToAndPlayEveryAddedStream(String name) {
        scenario.participant(name).subscribeToAndPlayEveryAddedStream();
    }

    @When("{participant} unpublishes the local stream")
    public void unpublish(String name) {
        scenario.participant(name).unpublish();
    }

    @When("{participant} unsubscribes from the stream of {participant}")
    public void unsubscribe(String name, String publisher) {
        scenario.participant(name).unsubscribeFrom(publisher);
    }

    @When("{participant} {muteAction}")
    public void mute(String name, MuteAction action) {
        action.applyTo(scenario.participant(name));
    }

    @When("{participant} removes the {mediaKind} track from the local stream")
    public void removeTrack(String name, MediaKind kind) {
        scenario.participant(name).removeTrack(kind);
    }

    @When("{participant} adds a(n) {mediaKind} track to the local stream")
    public void addTrack(String name, MediaKind kind) {
        scenario.participant(name).addTrack(kind);
    }

    @When("the signaling connection of {participant} drops")
    public void dropSignaling(String name) {
        scenario.participant(name).dropSignaling();
    }

    @When("another client of {participant} joins room {room}")
    public void anotherClientJoins(String name, Long roomId) {
        scenario.participant(name).joinWithAnotherClient(roomId, Mode.RTC, scenario.sdkAppId(), scenario.userSigFor(name));
    }

    @When("{participant} leaves the room")
    public void leave(String name) {
        scenario.participant(name).leave();
    }

    @Given("{participant} and {participant} are in a call in room {room}")
    public void inACall(String first, String second, Long roomId) {
        Participant[] pair = {scenario.participantOrNew(first), scenario.participantOrNew(second)};
        for (Participant participant : pair) {
            participant.createClient(Mode.RTC, scenario.sdkAppId(), scenario.userSigFor(participant.userId()));
            participant.subscribeToAndPlayEveryAddedStream();
        }
        for (Participant participant : pair) {
            participant.join(roomId);
            participant.createLocalStream(true, true, VideoProfile.DEFAULT);
            participant.initializeLocalStream();
            participant.publish();
        }
        Expectations.rendersVideoFrames(pair[0], second, 1, scenario.config().mediaTimeout());
        Expectations.rendersVideoFrames(pair[1], first, 1, scenario.config().mediaTimeout());
    }
}
