package io.trtcsim.stack.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Container;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.HarnessConfig;
import io.trtcsim.harness.Participant;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.harness.Signatures;
import io.trtcsim.sdk.RemoteStream;
import io.trtcsim.stack.Capability;
import io.trtcsim.stack.Stack;
import io.trtcsim.stack.StackUnavailableException;
import io.trtcsim.stack.janus.JanusStack;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The container stacks for real: each carries a call with media and leaves no container behind.
 * Skipped, with the reason printed, where no Docker daemon answers or the images are not built.
 */
class ContainerStacksTest {

    private static final Duration FRAMES = Duration.ofSeconds(15);
    private static final Duration REMOVED = Duration.ofSeconds(10);

    @Test
    void janusContainerServesItsLogAndIsRemovedOnClose() {
        assumeAvailable(LocalImage.JANUS);
        String containerId;
        try (JanusStack stack = JanusStack.startContainer()) {
            assertThat(stack.name()).isEqualTo("janus-container");
            // The Janus the harness configures names rooms by strings (JanusIds).
            assertThat(stack.capabilities()).containsExactly(Capability.STRING_ROOM_IDS);
            containerId = runningContainerOf(LocalImage.JANUS);
            await("Janus in the container logs its WebSocket server").atMost(Duration.ofSeconds(5))
                    .until(() -> stack.logLines(RoomId.numeric(1)).stream().anyMatch(line -> line.contains("Websockets server started")));
        }
        assertRemoved(containerId);
    }

    @Test
    void janusContainerCarriesACall() {
        assumeAvailable(LocalImage.JANUS);
        callCarriesFrames("janus-container", LocalImage.JANUS);
    }

    @Test
    void simulatorContainerHasEveryCapabilityAndIsRemovedOnClose() {
        assumeAvailable(LocalImage.SIMULATOR);
        HarnessConfig config = HarnessConfig.load();
        String containerId;
        try (Stack stack = SimulatorContainerStack.start(config.fixtures().resolve("apps.json"), config.mediaTimeout(),
                Optional.empty(), config.signalingTimeout(), SimulatorContainerStack.DEFAULT_READY_TIMEOUT)) {
            assertThat(stack.name()).isEqualTo("simulator-container");
            assertThat(stack.capabilities()).isEqualTo(EnumSet.allOf(Capability.class));
            assertThat(stack.serverApi()).isPresent();
            containerId = runningContainerOf(LocalImage.SIMULATOR);
        }
        assertRemoved(containerId);
    }

    @Test
    void simulatorContainerCarriesACall() {
        assumeAvailable(LocalImage.SIMULATOR);
        callCarriesFrames("simulator-container", LocalImage.SIMULATOR);
    }

    @Test
    void aMissingImageIsNamedWithTheCommandThatBuildsIt() {
        assumeDocker();
        assertThatThrownBy(() -> LocalImage.require("trtcsim/no-such-image:local", "nothing"))
                .isInstanceOf(StackUnavailableException.class)
                .hasMessageContaining("image trtcsim/no-such-image:local is not built")
                .hasMessageContaining("bash scripts/build-images.sh nothing");
    }

    @Test
    void aBadKeyFileIsNamedBeforeAnyContainerStarts() {
        assumeAvailable(LocalImage.SIMULATOR);
        HarnessConfig config = HarnessConfig.load();
        assertThatThrownBy(() -> SimulatorContainerStack.start(java.nio.file.Path.of("no-such-folder/apps.json"),
                config.mediaTimeout(), Optional.empty(), config.signalingTimeout(), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-folder/apps.json");
    }

    /** alice publishes, bob subscribes and plays: frames with markers reach bob through the stack. */
    private static void callCarriesFrames(String stackName, LocalImage image) {
        HarnessConfig config = HarnessConfig.load().with("harness.stack", stackName);
        String containerId;
        try (ScenarioContext scenario = ScenarioContext.with(config)) {
            Participants participants = new Participants(scenario);
            Signatures signatures = new Signatures(scenario);
            assertThat(scenario.stack().name()).isEqualTo(stackName);
            containerId = runningContainerOf(image);
            Participant alice = participants.namedOrNew("alice");
            Participant bob = participants.namedOrNew("bob");
            alice.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("alice"));
            bob.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("bob"));
            alice.join(RoomId.numeric(4321));
            alice.createLocalStream(Set.of(MediaKind.AUDIO, MediaKind.VIDEO));
            alice.initializeLocalStream();
            alice.publish();
            bob.join(RoomId.numeric(4321));
            Expectations.receives(bob, ClientEvent.STREAM_ADDED, "alice", 1, Duration.ofSeconds(5));
            bob.subscribeTo("alice");
            bob.playStreamOf("alice", "remote_stream-alice");
            RemoteStream remote = bob.remoteStreamOf("alice").orElseThrow();
            await("30 frames of alice rendered at bob through " + stackName).atMost(FRAMES)
                    .until(() -> remote.playback().flatMap(p -> p.video()).map(v -> v.framesRendered()).orElse(0L),
                            frames -> frames >= 30);
            assertThat(remote.playback().orElseThrow().video().orElseThrow().frames())
                    .as("frames carry alice's markers").anyMatch(frame -> frame.hasMarker());
        }
        assertRemoved(containerId);
    }

    private static String runningContainerOf(LocalImage image) {
        return DockerClientFactory.instance().client().listContainersCmd().exec().stream()
                .filter(container -> container.getImage().equals(image.imageName()))
                .map(Container::getId)
                .findFirst().orElseThrow(() -> new AssertionError("no running container of " + image.imageName()));
    }

    private static void assertRemoved(String containerId) {
        await("container " + containerId + " is removed").atMost(REMOVED)
                .until(() -> DockerClientFactory.instance().client().listContainersCmd().withShowAll(true).exec()
                        .stream().noneMatch(container -> container.getId().equals(containerId)));
    }

    private static void assumeDocker() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            String reason = "skipped: no Docker daemon answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + ")";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
    }

    private static void assumeAvailable(LocalImage image) {
        try {
            image.require();
        } catch (StackUnavailableException e) {
            String reason = "skipped: " + e.getMessage();
            System.out.println(reason);
            Assumptions.abort(reason);
        }
    }
}
