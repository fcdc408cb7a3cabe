package io.trtcsim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.trtcsim.simulator.sfu.MediaPlane;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.StreamType;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stream announced while someone joins reaches the newcomer exactly once: in its welcome or in
 * the announcement, never both (a duplicate stream-added made the SDK subscribe twice) and never
 * neither.
 */
class RoomTest {

    private MediaPlane plane;
    private ExecutorService threads;

    @BeforeEach
    void start() {
        plane = new MediaPlane("127.0.0.1", Duration.ofSeconds(2));
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
        plane.close();
    }

    @Test
    void aStreamAnnouncedWhileSomeoneJoinsReachesThemExactlyOnce() throws Exception {
        for (int round = 0; round < 500; round++) {
            Room room = new Room(new RoomKey(1400000001L, round));
            Member alice = new Member("alice", Mode.RTC, Role.ANCHOR, null);
            Member bob = new Member("bob", Mode.RTC, Role.ANCHOR, null);
            room.admit(alice, (others, streams) -> { });
            PublishedStream stream = new PublishedStream(plane, 1, "alice_main", "alice", StreamType.MAIN, true, true);
            AtomicInteger heardOfIt = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            Future<?> announce = threads.submit(() -> {
                go.await();
                room.addStream(stream, alice, others -> others.stream().filter(m -> m == bob).forEach(m -> heardOfIt.incrementAndGet()));
                return null;
            });
            Future<?> join = threads.submit(() -> {
                go.await();
                room.admit(bob, (others, streams) -> {
                    if (streams.contains(stream)) {
                        heardOfIt.incrementAndGet();
                    }
                });
                return null;
            });
            go.countDown();
            announce.get(5, TimeUnit.SECONDS);
            join.get(5, TimeUnit.SECONDS);
            assertThat(heardOfIt.get()).as("times bob heard of alice's stream in round %d", round).isEqualTo(1);
            stream.close();
        }
    }

    @Test
    void aNewcomerIsWelcomedWithTheAnchorsOnlyAndARoleChangeMovesAMemberInOrOut() {
        Room room = new Room(new RoomKey(1400000001L, 8888));
        Member alice = new Member("alice", Mode.LIVE, Role.ANCHOR, null);
        room.admit(alice, (others, streams) -> { });
        for (int i = 1; i <= 100; i++) {
            room.admit(new Member("fan-" + i, Mode.LIVE, Role.AUDIENCE, null), (others, streams) -> { });
        }
        Member bob = new Member("bob", Mode.LIVE, Role.AUDIENCE, null);
        room.admit(bob, (others, streams) -> { });
        java.util.List<String> welcomed = new java.util.ArrayList<>();

        room.admit(new Member("late", Mode.LIVE, Role.AUDIENCE, null),
                (others, streams) -> others.forEach(other -> welcomed.add(other.userId())));
        room.changeRole(bob, Role.ANCHOR);
        room.admit(new Member("later", Mode.LIVE, Role.AUDIENCE, null),
                (others, streams) -> others.forEach(other -> welcomed.add("then " + other.userId())));
        room.changeRole(alice, Role.AUDIENCE);
        room.admit(new Member("last", Mode.LIVE, Role.AUDIENCE, null),
                (others, streams) -> others.forEach(other -> welcomed.add("last " + other.userId())));

        assertThat(welcomed).containsExactly("alice", "then alice", "then bob", "last bob");
        assertThat(room.size()).isEqualTo(105);
    }
}
