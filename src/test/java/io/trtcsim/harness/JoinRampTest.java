package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ramp's pace and window over plain futures standing for joins the test answers itself. */
class JoinRampTest {

    private static final RoomId ROOM = RoomId.numeric(8888);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Map<String, CompletableFuture<Void>> started = new ConcurrentHashMap<>();
    private final ExecutorService ramps = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopRamps() {
        started.values().forEach(join -> join.complete(null));
        ramps.shutdownNow();
    }

    private CompletableFuture<Void> start(String member) {
        CompletableFuture<Void> join = new CompletableFuture<>();
        started.put(member, join);
        return join;
    }

    private static List<String> members(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "fan-" + i).toList();
    }

    @Test
    void noMoreJoinsAwaitTheirAnswerThanTheWindowHolds() throws Exception {
        JoinRamp ramp = new JoinRamp(10_000, 2, WAIT);
        Future<Duration> ramping = ramps.submit(() -> ramp.join(members(5), this::start, name -> name, ROOM));

        await("the first two joins started").atMost(WAIT).until(() -> started.size() == 2);
        assertThat(started).as("a third join while two await their answer").doesNotContainKey("fan-3");

        started.get("fan-1").complete(null);
        await("a third join once the first is answered").atMost(WAIT).until(() -> started.containsKey("fan-3"));
        assertThat(started).doesNotContainKey("fan-4");

        started.get("fan-2").complete(null);
        started.get("fan-3").complete(null);
        await("the last two joins").atMost(WAIT).until(() -> started.size() == 5);
        started.values().forEach(join -> join.complete(null));
        assertThat(ramping.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isPositive();
    }

    @Test
    void aWindowLeftUnansweredForThePatienceFailsTheRestAtOnceNamingThem() {
        JoinRamp ramp = new JoinRamp(10_000, 1, Duration.ofMillis(300));
        long before = System.nanoTime();

        assertThatThrownBy(() -> ramp.join(members(30), this::start, name -> name, ROOM))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("30 of 30 participants did not join room 8888")
                .hasMessageContaining("no answer within 300 ms of the last join's start (1): fan-1")
                .hasMessageContaining("not started: 1 joins before it were still unanswered after 300 ms (29): fan-2, fan-3");

        // One wait for the window and one for the answers, not one per member (30 x 300 ms).
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
        assertThat(started).containsOnlyKeys("fan-1");
    }

    @Test
    void theRateBoundsTheStartsEvenWhenTheStackAnswersAtOnce() {
        JoinRamp ramp = new JoinRamp(20, 50, WAIT);

        Duration took = ramp.join(members(5), member -> CompletableFuture.completedFuture(null), name -> name, ROOM);

        // Five starts 50 ms apart: the last starts 200 ms after the first.
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aWindowBelowOneIsRefusedNamingIt() {
        assertThatThrownBy(() -> new JoinRamp(500, 0, WAIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a window of 1 or more joins awaiting their answer, got 0");
    }
}
