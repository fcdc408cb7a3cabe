package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.trtcsim.network.Direction;
import io.trtcsim.simulator.SimulatorConfig;
import io.trtcsim.simulator.SimulatorServer;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.usersig.AppKeyStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conditions never leak into the next scenario: against a simulator that outlives the scenario (a
 * shared one, reached by its ws:// URL), a scenario that fails half way with conditions in force
 * and an outage still to end leaves the simulator with none, and no thread of its own.
 */
class NetworkTeardownTest {

    private SimulatorServer shared;

    @BeforeEach
    void startSharedSimulator() {
        shared = SimulatorServer.start(SimulatorConfig.onLoopback(AppKeyStore.load(Path.of("fixtures/apps.json"))));
    }

    @AfterEach
    void stopSharedSimulator() {
        shared.close();
    }

    @Test
    void aScenarioThatFailsHalfWayLeavesNoConditionsBehind() {
        ScenarioContext scenario = ScenarioContext.with(HarnessConfig.load()
                .with("harness.stack", shared.signalingUri().toString()));
        try {
            Participants participants = new Participants(scenario);
            ParticipantNetworks networks = new ParticipantNetworks(scenario);
            Signatures signatures = new Signatures(scenario);
            Participant alice = participants.namedOrNew("alice");
            alice.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("alice"));
            alice.join(RoomId.numeric(3400));
            networks.change(alice, Direction.UPLINK, link -> link.withDelay(Duration.ofMillis(200)));
            networks.goesDownFor(alice, Duration.ofSeconds(30));
            assertThat(shared.network().inForce()).as("conditions in force during the scenario").hasSize(1);
            assertThat(alice.signalingGate().isDown()).isTrue();
            // A check that fails half way through the scenario:
            assertThatThrownBy(() -> Expectations.receivesAny(alice, ClientEvent.CLIENT_BANNED,
                    Duration.ofMillis(100))).isInstanceOf(AssertionError.class);
        } finally {
            scenario.close();
        }
        assertThat(shared.network().inForce()).as("conditions left on the shared simulator").isEmpty();
        await("the scheduled comeback's thread to end").atMost(Duration.ofSeconds(5))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(thread -> thread.getName().equals("network-comebacks") && thread.isAlive()));
    }
}
