package io.trtcsim.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.Participant;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.Privileges;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.harness.Signatures;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** The documented call flow, one SDK call per step. */
public class CallFlowSteps {

    private final ScenarioContext scenario;
    private final Participants participants;
    private final Signatures signatures;

    public CallFlowSteps(ScenarioContext scenario, Participants participants, Signatures signatures) {
        this.scenario = scenario;
        this.participants = participants;
        this.signatures = signatures;
    }

    @Given("{participant} has created a client in {mode} mode")
    public void createClient(String name, Mode mode) {
        participants.namedOrNew(name).createClient(mode, signatures.sdkAppId(), signatures.userSigFor(name));
    }

    @Given("{participant} has created a client in {mode} mode with string room ids")
    public void createClientWithStringRoomIds(String name, Mode mode) {
        participants.namedOrNew(name).createClientWithStringRoomIds(mode, signatures.sdkAppId(), signatures.userSigFor(name));
    }

    @Given("{participant} has created a client in {mode} mode that subscribes by itself")
    public void createAutoSubscribingClient(String name, Mode mode) {
        participants.namedOrNew(name).createAutoSubscribingClient(mode, signatures.sdkAppId(), signatures.userSigFor(name));
    }

    @Given("{participant} has created a client in {mode} mode as {role}")
    public void createClientWithRole(String name, Mode mode, Role role) {
        Participant participant = participants.namedOrNew(name);
        participant.createClient(mode, signatures.sdkAppId(), signatures.userSigFor(name));
        participant.joinAs(role);
    }

    @Given("{participant} has created a client in {mode} mode with {badSignature}")
    public void createClientWithBadSignature(String name, Mode mode, BadSignature signature) {
        participants.namedOrNew(name).createClient(mode, signatures.sdkAppId(),
                signatures.faultyUserSigFor(name, signature.fault(), signature.otherUser()));
    }

    @Given("{participant} has created a client in {mode} mode with a private map key granting {string}")
    public void createClientWithPrivileges(String name, Mode mode, String privileges) {
        Participant participant = participants.namedOrNew(name);
        participant.createClient(mode, signatures.sdkAppId(), signatures.userSigFor(name));
        participant.presentPrivateMapKey(signatures.privateMapKeyFor(name, 0, Privileges.parse(privileges)));
    }

    @Given("{participant} has created a client in {mode} mode for an application with advanced permission control")
    public void createClientInAdvancedApp(String name, Mode mode) {
        long sdkAppId = signatures.sdkAppIdWithAdvancedPermissionControl();
        participants.namedOrNew(name).createClient(mode, sdkAppId, signatures.userSigFor(sdkAppId, name));
    }

    @Given("{participant} has created a client in {mode} mode for an application with advanced permission control"
            + " and a private map key granting {string}")
    public void createClientInAdvancedAppWithPrivileges(String name, Mode mode, String privileges) {
        long sdkAppId = signatures.sdkAppIdWithAdvancedPermissionControl();
        Participant participant = participants.namedOrNew(name);
        participant.createClient(mode, sdkAppId, signatures.userSigFor(sdkAppId, name));
        participant.presentPrivateMapKey(signatures.privateMapKeyFor(sdkAppId, name, 0, Privileges.parse(privileges)));
    }

    @When("{participant} switches role to {role}")
    public void switchRole(String name, Role role) {
        participants.named(name).switchRole(role);
    }

    @When("{participant} tries to switch role to {role}")
    public void tryToSwitchRole(String name, Role role) {
        participants.named(name).tryToSwitchRole(role);
    }

    @When("{participant} joins room {room}")
    public void join(String name, RoomId roomId) {
        participants.named(name).join(roomId);
    }

    @When("{participant} tries to join room {room}")
    public void tryToJoin(String name, RoomId roomId) {
        participants.named(name).tryToJoin(roomId);
    }

    @When("{participant} tries to publish the local stream")
    public void tryToPublish(String name) {
        participants.named(name).tryToPublish();
    }

    @When("{participant} creates a local stream with {media}")
    public void createLocalStream(String name, MediaChoice media) {
        participants.namedOrNew(name).createLocalStream(media.tracks());
    }

    @When("{participant} creates a local stream with synthetic video {int}x{int} at {int} fps")
    public void createSyntheticStream(String name, int width, int height, int fps) {
        participants.namedOrNew(name).createSyntheticStream(width, height, fps);
    }

    @When("{participant} creates a local stream from video file {string}")
    public void createStreamFromVideoFile(String name, String videoFile) {
        participants.namedOrNew(name).createStreamFromFiles(Path.of(videoFile), Optional.empty());
    }

    @When("{participant} creates a local stream from video file {string} and audio file {string}")
    public void createStreamFromFiles(String name, String videoFile, String audioFile) {
        participants.namedOrNew(name).createStreamFromFiles(Path.of(videoFile), Optional.of(Path.of(audioFile)));
    }

    @When("{participant} creates a local stream from the camera and microphone")
    public void createStreamFromDevices(String name) {
        participants.namedOrNew(name).createStreamFromDevices();
    }

    @When("{participant} tries to initialize the local stream")
    public void tryToInitialize(String name) {
        participants.named(name).tryToInitializeLocalStream();
    }

    @When("{participant} initializes the local stream")
    public void initializeLocalStream(String name) {
        participants.named(name).initializeLocalStream();
    }

    @When("{participant} plays the local stream in {string}")
    public void playLocalStream(String name, String elementId) {
        participants.named(name).playLocalStream(elementId);
    }

    @When("{participant} publishes the local stream")
    public void publish(String name) {
        participants.named(name).publish();
    }

    @When("{participant} subscribes to the stream of {participant}")
    public void subscribe(String name, String publisher) {
        participants.named(name).subscribeTo(publisher);
    }

    @When("{participant} subscribes to the {mediaKind} of {participant} only")
    public void subscribeToOneKind(String name, MediaKind kind, String publisher) {
        participants.named(name).subscribeTo(publisher, kind);
    }

    @When("{participant} plays the stream of {participant} in {string}")
    public void playRemoteStream(String name, String publisher, String elementId) {
        participants.named(name).playStreamOf(publisher, elementId);
    }

    @Given("{participant} subscribes to and plays every added stream")
    public void subscribeToAndPlayEveryAddedStream(String name) {
        participants.named(name).subscribeToAndPlayEveryAddedStream();
    }

    @When("{participant} unpublishes the local stream")
    public void unpublish(String name) {
        participants.named(name).unpublish();
    }

    @When("{participant} unsubscribes from the stream of {participant}")
    public void unsubscribe(String name, String publisher) {
        participants.named(name).unsubscribeFrom(publisher);
    }

    @When("{participant} {muteAction}")
    public void mute(String name, MuteAction action) {
        action.applyTo(participants.named(name));
    }

    @When("{participant} removes the {mediaKind} track from the local stream")
    public void removeTrack(String name, MediaKind kind) {
        participants.named(name).removeTrack(kind);
    }

    @When("{participant} adds a(n) {mediaKind} track to the local stream")
    public void addTrack(String name, MediaKind kind) {
        participants.named(name).addTrack(kind);
    }

    @When("the signaling connection of {participant} drops")
    public void dropSignaling(String name) {
        participants.named(name).dropSignaling();
    }

    @When("another client of {participant} joins room {room}")
    public void anotherClientJoins(String name, RoomId roomId) {
        participants.named(name).joinWithAnotherClient(roomId, Mode.RTC, signatures.sdkAppId(), signatures.userSigFor(name));
    }

    @When("{participant} leaves the room")
    public void leave(String name) {
        participants.named(name).leave();
    }

    @Given("{participant} and {participant} are in a call in room {room}")
    public void inACall(String first, String second, RoomId roomId) {
        Participant[] pair = {participants.namedOrNew(first), participants.namedOrNew(second)};
        for (Participant participant : pair) {
            if (roomId.isString()) {
                participant.createClientWithStringRoomIds(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor(participant.userId()));
            } else {
                participant.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor(participant.userId()));
            }
            participant.subscribeToAndPlayEveryAddedStream();
        }
        for (Participant participant : pair) {
            participant.join(roomId);
            participant.createLocalStream(Set.of(MediaKind.AUDIO, MediaKind.VIDEO));
            participant.initializeLocalStream();
            participant.publish();
        }
        Expectations.rendersVideoFrames(pair[0], second, 1, scenario.config().mediaTimeout());
        Expectations.rendersVideoFrames(pair[1], first, 1, scenario.config().mediaTimeout());
    }
}
