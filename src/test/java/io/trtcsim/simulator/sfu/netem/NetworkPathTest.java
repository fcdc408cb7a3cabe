package io.trtcsim.simulator.sfu.netem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trtcsim.network.Direction;
import io.trtcsim.network.LinkConditions;
import io.trtcsim.network.NetworkConditions;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A path's thread on the real clock: released on time, in order, and only while there is something to do. */
class NetworkPathTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long MS = 1_000_000L;

    private final NetworkPath path = new NetworkPath("1/alice-uplink", new SplittableRandom(7), System::nanoTime);

    /** What arrived: the datagram's first byte, when it was sent and when it arrived. */
    private record Arrival(int index, long sentNanos, long arrivedNanos, String thread) {
    }

    private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();

    @AfterEach
    void close() {
        path.close();
    }

    private void offer(int index) {
        offer(index, 1);
    }

    private void offer(int index, int size) {
        long sent = System.nanoTime();
        byte[] bytes = new byte[size];
        bytes[0] = (byte) index;
        path.offer(bytes, datagram -> arrivals.add(new Arrival(datagram[0], sent, System.nanoTime(),
                Thread.currentThread().getName())));
    }

    private static Thread pathThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("sfu-netem-1/alice"))
                .findFirst().orElse(null);
    }

    @Test
    void aNeutralPathHasNoThreadAndNoQueue() {
        NetworkEmulation emulation = new NetworkEmulation(new SplittableRandom(1), System::nanoTime);
        ParticipantNetwork network = emulation.of(new ParticipantId(1, "bob"));

        assertThat(network.uplink().isNeutral()).isTrue();
        assertThat(network.downlink().isNeutral()).isTrue();
        assertThat(network.uplink().hasThread()).isFalse();
        assertThat(network.downlink().hasThread()).isFalse();
        assertThat(emulation.view()).as("nothing to show for an untouched participant").isEmpty();
        emulation.close();
    }

    @Test
    void delayedDatagramsLeaveOnTimeInOrderOnThePathsThread() {
        path.conditions(LinkConditions.NONE.withDelay(Duration.ofMillis(30)));
        assertThat(path.hasThread()).as("a thread once the path has conditions").isTrue();

        for (int i = 0; i < 50; i++) {
            offer(i);
        }
        await("50 delayed datagrams released").atMost(WAIT).until(() -> arrivals.size() == 50);

        List<Arrival> released = List.copyOf(arrivals);
        assertThat(released).extracting(Arrival::index).isSorted();
        assertThat(released).extracting(Arrival::thread).containsOnly("sfu-netem-1/alice-uplink");
        for (Arrival arrival : released) {
            long late = arrival.arrivedNanos() - arrival.sentNanos() - 30 * MS;
            // Never early; late by the scheduler's wake-up only (well under a millisecond here).
            assertThat(late).as("datagram %d late by %d µs", arrival.index(), late / 1000).isBetween(0L, 5 * MS);
        }
        assertThat(path.passed()).isEqualTo(50);
    }

    @Test
    void theThreadEndsWhenConditionsAreLiftedAndTheQueueIsEmpty() {
        path.conditions(LinkConditions.NONE.withDelay(Duration.ofMillis(200)));
        offer(1);
        path.conditions(LinkConditions.NONE);

        assertThat(path.isNeutral()).isTrue();
        assertThat(path.queued()).as("the held datagram is still delivered after the lift").isEqualTo(1);
        await("the held datagram released").atMost(WAIT).until(() -> arrivals.size() == 1);
        await("the path's thread ended").atMost(WAIT).until(() -> !path.hasThread() && pathThread() == null);
    }

    @Test
    void aDeliveryThatFailsCostsOnlyItsDatagram() {
        path.conditions(LinkConditions.NONE.withDelay(Duration.ofMillis(5)));
        path.offer(new byte[] {0}, datagram -> {
            throw new IllegalStateException("a malformed datagram");
        });
        offer(1);

        await("the next datagram released after a failed delivery").atMost(WAIT).until(() -> arrivals.size() == 1);
        assertThat(path.hasThread()).isTrue();
    }

    @Test
    void dropsAreCountedByReason() {
        path.conditions(LinkConditions.NONE.withDown(true));
        offer(1);
        path.conditions(LinkConditions.NONE.withLoss(100));
        offer(2);
        // 1000 bytes at 8 kbit/s: the link is busy for a second with the first.
        path.conditions(LinkConditions.NONE.withCapacity(8, 1));
        offer(3, 1000);
        offer(4, 1000);

        assertThat(path.droppedByOutage()).isEqualTo(1);
        assertThat(path.lost()).isEqualTo(1);
        assertThat(path.droppedByQueueOverflow()).isEqualTo(1);
        assertThat(path.view()).containsEntry("queued", 1).containsEntry("conditions",
                LinkConditions.NONE.withCapacity(8, 1).toWire());
    }

    @Test
    void closingDropsWhatWaitsAndEndsTheThread() {
        path.conditions(LinkConditions.NONE.withDelay(Duration.ofSeconds(10)));
        offer(1);
        path.close();

        assertThat(path.queued()).isZero();
        assertThat(path.offer(new byte[1], datagram -> arrivals.add(null))).isFalse();
        await("the path's thread ended").atMost(WAIT).until(() -> pathThread() == null);
        assertThat(arrivals).isEmpty();
    }

    @Test
    void conditionsApplyPerParticipantAndAreLiftedOneByOneOrAll() {
        NetworkEmulation emulation = new NetworkEmulation(new SplittableRandom(1), System::nanoTime);
        ParticipantId bob = new ParticipantId(1, "bob");
        ParticipantId carol = new ParticipantId(1, "carol");
        NetworkConditions lossy = new NetworkConditions(LinkConditions.NONE.withLoss(5), LinkConditions.NONE);
        NetworkPath bobsDownlink = emulation.of(bob).downlink();

        emulation.set(bob, lossy.with(Direction.DOWNLINK, LinkConditions.NONE.withDelay(Duration.ofMillis(10))));
        emulation.set(carol, lossy);
        emulation.streamLoss(bob, "alice_main", 20);

        assertThat(bobsDownlink.isNeutral()).as("a path made before the conditions gets them").isFalse();
        assertThat(emulation.inForce()).containsOnlyKeys(bob, carol);
        assertThat(emulation.streamLoss(bob, "alice_main").percent()).isEqualTo(20);
        emulation.clear(bob);
        assertThat(emulation.conditions(bob)).isEqualTo(NetworkConditions.NONE);
        assertThat(emulation.streamLoss(bob, "alice_main").percent()).isZero();
        assertThat(emulation.conditions(carol)).isEqualTo(lossy);
        emulation.clearAll();
        assertThat(emulation.inForce()).isEmpty();
        emulation.close();
    }
}
