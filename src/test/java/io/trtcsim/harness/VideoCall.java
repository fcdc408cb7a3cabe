package io.trtcsim.harness;

import io.trtcsim.media.VideoProfile;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import java.util.Set;

/**
 * The call harness tests start from: on the embedded simulator (whatever harness.stack says, since
 * the tests reach into it), alice publishes video and bob subscribes and renders it; the call is up
 * once bob rendered a second of frames. Closing it ends the scenario.
 */
final class VideoCall implements AutoCloseable {

    final ScenarioContext scenario;
    final Participant alice;
    final Participant bob;

    private VideoCall(ScenarioContext scenario, Participant alice, Participant bob) {
        this.scenario = scenario;
        this.alice = alice;
        this.bob = bob;
    }

    static VideoCall start(long roomId, VideoProfile profile) {
        ScenarioContext scenario = ScenarioContext.with(HarnessConfig.load().with("harness.stack", "embedded"));
        Participants participants = new Participants(scenario);
        Signatures signatures = new Signatures(scenario);
        Participant alice = participants.namedOrNew("alice");
        Participant bob = participants.namedOrNew("bob");
        alice.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("alice"));
        bob.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("bob"));
        bob.subscribeToAndPlayEveryAddedStream();
        alice.join(RoomId.numeric(roomId));
        bob.join(RoomId.numeric(roomId));
        alice.createLocalStream(Set.of(MediaKind.VIDEO), profile);
        alice.initializeLocalStream();
        alice.publish();
        Expectations.rendersVideoFrames(bob, "alice", profile.frameRate(), Duration.ofSeconds(10));
        return new VideoCall(scenario, alice, bob);
    }

    @Override
    public void close() {
        scenario.close();
    }
}
