package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trtcsim.media.VideoProfile;
import io.trtcsim.sdk.ConnectionStateChange;
import io.trtcsim.sdk.JournalEntry;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ConnectionState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TRTC's reconnection end to end, with real peer connections against the embedded simulator: alice
 * publishes, bob renders her, and alice's signaling (only) is stalled by her {@link SignalingGate}.
 * Shorter than the simulator's idle timeout (6 s), the outage is invisible to bob; longer, bob sees
 * alice leave and come back, and alice publishes again.
 */
class ReconnectionTest {

    private static final Logger log = LoggerFactory.getLogger(ReconnectionTest.class);

    private VideoCall call;
    private Participant alice;
    private Participant bob;

    @BeforeEach
    void call() {
        call = VideoCall.start(3535, VideoProfile.DEFAULT);
        alice = call.alice;
        bob = call.bob;
    }

    @AfterEach
    void hangUp() {
        call.close();
    }

    /** When alice's journal first shows {@code state} after {@code sinceNanos}, if it does. */
    private Optional<Long> reached(ConnectionState state, long sinceNanos) {
        return alice.journal().entries().stream()
                .filter(entry -> entry.atNanos() >= sinceNanos && entry.payload() instanceof ConnectionStateChange change
                        && change.state() == state)
                .map(JournalEntry::atNanos).findFirst();
    }

    private long awaitState(ConnectionState state, long sinceNanos, Duration within) {
        await("alice's connection state becomes " + state).atMost(within).pollInterval(Duration.ofMillis(20))
                .until(() -> reached(state, sinceNanos).isPresent());
        return reached(state, sinceNanos).orElseThrow();
    }

    /** Waits (on the clock, not a sleep) until {@code duration} after {@code sinceNanos}. */
    private static void waitUntil(long sinceNanos, Duration duration) {
        await("the outage lasts " + duration.toMillis() + " ms").atMost(duration.plusSeconds(2))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> System.nanoTime() - sinceNanos >= duration.toNanos());
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    @Test
    void anOutageShorterThanTheServersTimeoutIsResumedUnnoticedByTheOthers() {
        long down = System.nanoTime();
        alice.signalingGate().down();
        long reconnecting = awaitState(ConnectionState.RECONNECTING, down, Duration.ofSeconds(5));
        waitUntil(down, Duration.ofSeconds(3));
        long up = System.nanoTime();
        alice.signalingGate().up();
        long connected = awaitState(ConnectionState.CONNECTED, reconnecting, Duration.ofSeconds(10).minusNanos(up - down));
        log.info("3 s outage: RECONNECTING {} ms after down, CONNECTED {} ms after up", millis(down, reconnecting),
                millis(up, connected));

        Expectations.rendersNewVideoFrames(bob, "alice", 15, Duration.ofSeconds(5));
        assertThat(bob.journal().count(ClientEvent.PEER_LEAVE, "alice")).as(bob.journal().describe()).isZero();
        assertThat(bob.journal().count(ClientEvent.STREAM_REMOVED, "alice")).as(bob.journal().describe()).isZero();
        assertThat(bob.journal().count(ClientEvent.PEER_JOIN, "alice")).as("bob heard alice join once").isEqualTo(1);
        assertThat(alice.journal().count(ClientEvent.ERROR, null)).as(alice.journal().describe()).isZero();
    }

    @Test
    void anOutageLongerThanTheServersTimeoutIsAFreshAdmissionAndAliceIsPublishedAgain() {
        long publishedBefore = alice.client().publishStartedMicros();
        long down = System.nanoTime();
        alice.signalingGate().down();
        long reconnecting = awaitState(ConnectionState.RECONNECTING, down, Duration.ofSeconds(5));
        Expectations.receives(bob, ClientEvent.STREAM_REMOVED, "alice", 1, Duration.ofSeconds(9));
        Expectations.receives(bob, ClientEvent.PEER_LEAVE, "alice", 1, Duration.ofSeconds(1));
        waitUntil(down, Duration.ofSeconds(10));
        long up = System.nanoTime();
        alice.signalingGate().up();
        // The next attempt comes at most 8 s (the longest delay) plus 3 s (its timeout) later.
        long connected = awaitState(ConnectionState.CONNECTED, reconnecting, Duration.ofSeconds(12));
        log.info("10 s outage: RECONNECTING {} ms after down, CONNECTED {} ms after up", millis(down, reconnecting),
                millis(up, connected));

        Expectations.receives(bob, ClientEvent.PEER_JOIN, "alice", 2, Duration.ofSeconds(5));
        Expectations.receives(bob, ClientEvent.STREAM_ADDED, "alice", 2, Duration.ofSeconds(10));
        Expectations.rendersNewVideoFrames(bob, "alice", 15, Duration.ofSeconds(10));
        assertThat(alice.client().publishStartedMicros()).as("alice's uplink was published again")
                .isGreaterThan(publishedBefore);
        assertThat(alice.client().remoteStreams()).isEmpty();
        assertThat(alice.journal().count(ClientEvent.ERROR, null)).as(alice.journal().describe()).isZero();
    }
}
