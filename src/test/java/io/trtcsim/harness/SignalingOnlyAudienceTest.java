package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.trtcsim.sdk.JournalEntry;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ConnectionState;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An audience of signaling-only participants in a live room, end to end on the embedded simulator:
 * they join at a rate, hear of the anchor's stream, never hear of each other, load no libwebrtc,
 * cost no thread of their own, leave cleanly, and leave no thread behind. Correctness only: speed
 * and memory are {@code bench.AudienceBenchmark}'s.
 */
class SignalingOnlyAudienceTest {

    private static final int MEMBERS = 300;
    private static final long ROOM = 8888;
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final int MAX_THREADS_ADDED = 30;
    /** The threads shared by clients, channels and the simulator's connections: none may outlive the scenario. */
    private static final List<String> SHARED_THREADS = List.of("client-events-", "client-timers-", "signaling-io-",
            "signaling-inbox-", "sim-outbox-");

    private static Set<Thread> sharedThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && SHARED_THREADS.stream().anyMatch(thread.getName()::startsWith))
                .collect(Collectors.toSet());
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    private static Set<String> threadsNaming(String userIdPrefix) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.contains(userIdPrefix)).collect(Collectors.toSet());
    }

    @Test
    void anAudienceHearsOfTheAnchorsStreamOnlyAndLeavesNothingBehind() {
        Set<Thread> before = sharedThreads();
        ScenarioContext scenario = new ScenarioContext();
        try {
            Participants participants = new Participants(scenario);
            Signatures signatures = new Signatures(scenario);
            Participant alice = participants.namedOrNew("alice");
            alice.createClient(Mode.LIVE, signatures.sdkAppId(), signatures.userSigFor("alice"));
            alice.joinAs(Role.ANCHOR);
            alice.join(RoomId.numeric(ROOM));
            Set<String> threadsBefore = threadNames();

            List<Participant> fans = new ArrayList<>();
            for (int i = 1; i <= MEMBERS; i++) {
                Participant fan = participants.namedOrNew("fan-" + i, ParticipantKind.SIGNALING_ONLY);
                fan.createClient(Mode.LIVE, signatures.sdkAppId(), signatures.userSigFor(fan.userId()));
                fan.joinAs(Role.AUDIENCE);
                fans.add(fan);
            }
            new JoinRamp(MEMBERS, 50, WITHIN).join(fans, RoomId.numeric(ROOM));

            assertThat(fans).allSatisfy(fan -> assertThat(fan.client().connectionState()).isEqualTo(ConnectionState.CONNECTED));
            assertThat(threadsNaming("fan-")).as("threads named after an audience member").isEmpty();
            Set<String> added = threadNames();
            added.removeAll(threadsBefore);
            // Pools growing to their size (a few per core), never a thread per member (that was 4 each).
            assertThat(added.size()).as("threads more with %d members in the room: %s", MEMBERS, added)
                    .isLessThan(MAX_THREADS_ADDED);

            alice.createSyntheticStream(320, 180, 15);
            alice.initializeLocalStream();
            alice.publish();

            RangeChecks.eachReceives(fans, ParticipantRange.between("fan-1", "fan-" + MEMBERS), ClientEvent.STREAM_ADDED,
                    "alice", WITHIN);
            assertThat(fans).allSatisfy(fan -> {
                assertThat(fan.journal().count(ClientEvent.STREAM_ADDED, null)).as("stream-added events of %s", fan).isEqualTo(1);
                assertThat(peerJoinsOf(fan)).as("peer-joins %s heard", fan).containsOnly("alice");
                assertThat(fan.loadedMedia()).as("whether %s loaded libwebrtc", fan).isFalse();
            });
            assertThat(peerJoinsOf(alice)).as("peer-joins alice heard from an audience").isEmpty();
            // Below the harness the SDK refuses too: a TRTC made without media loads no engine.
            assertThat(fans.get(0).client().subscribe(fans.get(0).remoteStreamOf("alice").orElseThrow()))
                    .failsWithin(WITHIN).withThrowableOfType(Exception.class)
                    .withMessageContaining("INVALID_OPERATION").withMessageContaining("fan-1 was created without media");
            assertThat(fans.get(0).loadedMedia()).isFalse();

            fans.forEach(Participant::leave);
            assertThat(fans).allSatisfy(fan -> assertThat(fan.client().connectionState()).isEqualTo(ConnectionState.DISCONNECTED));
            assertThat(scenario.stack().describeRooms().orElseThrow())
                    .as("the simulator's room once the audience left").contains("member alice").doesNotContain("fan-");
            assertThat(alice.journal().count(ClientEvent.PEER_LEAVE, null)).as("peer-leaves alice heard").isZero();
        } finally {
            scenario.close();
        }
        await("the shared threads of the scenario to end").atMost(WITHIN).pollInSameThread()
                .untilAsserted(() -> assertThat(sharedThreads()).isSubsetOf(before));
    }

    @Test
    void aSignalingOnlyParticipantRefusesMediaNamingItself() {
        try (ScenarioContext scenario = new ScenarioContext()) {
            Participants participants = new Participants(scenario);
            Signatures signatures = new Signatures(scenario);
            Participant fan = participants.namedOrNew("fan-1", ParticipantKind.SIGNALING_ONLY);
            fan.createClient(Mode.LIVE, signatures.sdkAppId(), signatures.userSigFor("fan-1"));
            fan.joinAs(Role.AUDIENCE);
            fan.join(RoomId.numeric(ROOM));

            assertThatThrownBy(() -> fan.createSyntheticStream(320, 180, 15)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("fan-1 cannot create a local stream").hasMessageContaining("created without media");
            assertThatThrownBy(fan::publish).hasMessageContaining("fan-1 cannot publish: it was created without media");
            assertThatThrownBy(() -> fan.subscribeTo("alice")).hasMessageContaining("fan-1 cannot subscribe to alice");
            assertThat(fan.loadedMedia()).isFalse();
            assertThatThrownBy(() -> participants.namedOrNew("fan-1", ParticipantKind.FULL))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists already as SIGNALING_ONLY");
            assertThat(participants.namedOrNew("fan-1")).as("a later mention by name only").isSameAs(fan);
        }
    }

    @Test
    void aRampNamesWhoDidNotJoinAndWhy() {
        try (ScenarioContext scenario = new ScenarioContext()) {
            Participants participants = new Participants(scenario);
            Signatures signatures = new Signatures(scenario);
            List<Participant> fans = IntStream.rangeClosed(1, 4).mapToObj(i -> {
                Participant fan = participants.namedOrNew("fan-" + i, ParticipantKind.SIGNALING_ONLY);
                // fan-2 and fan-4 sign with another user's UserSig: the simulator refuses them.
                fan.createClient(Mode.LIVE, signatures.sdkAppId(), signatures.userSigFor(i % 2 == 0 ? "someone-else" : fan.userId()));
                fan.joinAs(Role.AUDIENCE);
                return fan;
            }).toList();

            assertThatThrownBy(() -> new JoinRamp(100, 50, WITHIN).join(fans, RoomId.numeric(ROOM)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("2 of 4 participants did not join room 8888")
                    .hasMessageContaining("JOIN_ROOM_FAILED (16388, extra code 70013): userSig refused: IDENTIFIER_MISMATCH")
                    .hasMessageContaining("not 'fan-2' (1): fan-2")
                    .hasMessageContaining("not 'fan-4' (1): fan-4")
                    .hasMessageNotContaining("fan-1").hasMessageNotContaining("fan-3");
            assertThat(fans.get(0).client().connectionState()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    private static List<String> peerJoinsOf(Participant participant) {
        return participant.journal().entries().stream().filter(entry -> entry.event() == ClientEvent.PEER_JOIN)
                .map(JournalEntry::userId).toList();
    }
}
