package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Nothing outlives a scenario: after a call with media, closing the scenario context (the one
 * teardown path the Cucumber hook uses) leaves no non-daemon thread behind — an undisposed
 * libwebrtc factory or an unstopped server would, and would keep the JVM alive.
 */
class ScenarioTeardownTest {

    private static Set<String> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.isDaemon() && t.isAlive())
                .map(t -> t.getName() + "#" + t.getId())
                .collect(Collectors.toSet());
    }

    @Test
    void aScenarioThatFailsHalfWayStillReleasesEverything() {
        Set<String> before = nonDaemonThreads();
        ScenarioContext scenario = new ScenarioContext();
        try {
            Participants participants = new Participants(scenario);
            Signatures signatures = new Signatures(scenario);
            Participant alice = participants.namedOrNew("alice");
            alice.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("alice"));
            alice.join(RoomId.numeric(3131));
            alice.createLocalStream(Set.of(MediaKind.AUDIO, MediaKind.VIDEO));
            alice.initializeLocalStream();
            alice.publish();
            Participant bob = participants.namedOrNew("bob");
            bob.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("bob"));
            bob.subscribeToAndPlayEveryAddedStream();
            bob.join(RoomId.numeric(3131));
            Expectations.rendersVideoFrames(bob, "alice", 5, Duration.ofSeconds(10));
            // A check that fails half way through the scenario:
            assertThatThrownBy(() -> Expectations.receives(bob, io.trtcsim.trtc.ClientEvent.CLIENT_BANNED, "alice", 1,
                    Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("bob receives 'client-banned' from alice")
                    .hasMessageContaining("within 200 ms")
                    .hasMessageContaining("stream-subscribed from alice");
        } finally {
            scenario.close();
        }
        assertThat(scenario.hasStack()).isFalse();
        // The engines went back to the JVM's pool, none still lent out; they outlive the scenario by
        // design (docs/design.md, "Engines kept between scenarios") and end when the pool is closed,
        // as the steps' @AfterAll hook does at the end of a run.
        assertThat(ProcessEngines.counts()).hasValueSatisfying(counts -> assertThat(counts.leased()).isZero());
        ProcessEngines.close();
        await("every thread the scenario started to end").atMost(Duration.ofSeconds(10)).pollInSameThread()
                .untilAsserted(() -> assertThat(nonDaemonThreads()).isSubsetOf(before));
    }

    @Test
    void anUnknownParticipantIsAClearError() {
        try (ScenarioContext scenario = new ScenarioContext()) {
            assertThatThrownBy(() -> new Participants(scenario).named("carol"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no participant named 'carol'")
                    .hasMessageContaining("has created a client");
        }
    }
}
