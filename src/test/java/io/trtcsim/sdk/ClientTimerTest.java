package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client's timeline on the shared runtime: ordered, never overlapping, cancellable, closed for good. */
class ClientTimerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ClientRuntime runtime = ClientRuntime.create();
    private final ClientTimer timer = new ClientTimer("alice signaling", runtime);

    @AfterEach
    void close() {
        timer.close();
        runtime.close();
    }

    @Test
    void aTickIsNeverEarlyAndAtMostTheSlackLate() {
        for (long delay : List.of(0L, 1L, 7L, 10L, 999L, 1000L)) {
            long nanos = ClientTimer.onTheGrid(delay);
            assertThat(nanos).as("delay for %d ms", delay)
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(delay))
                    .isLessThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(delay + ClientTimer.SLACK_MILLIS));
        }
    }

    @Test
    void ticksOfOneTimelineRunInTurnNeverTwoAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CountDownLatch firstHolds = new CountDownLatch(1);
        for (int i = 0; i < 20; i++) {
            int n = i;
            timer.schedule(() -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                if (n == 0) {
                    // The others fall due meanwhile: the pool's idle threads would take them, were it allowed.
                    await("the other ticks to fall due").atMost(WAIT).until(() -> firstHolds.getCount() == 0);
                }
                ran.add(n);
                running.decrementAndGet();
            }, 0);
        }
        firstHolds.countDown();

        await("20 ticks to run").atMost(WAIT).until(() -> ran.size() == 20);
        assertThat(overlaps).as("ticks that ran while another of the timeline was running").hasValue(0);
    }

    @Test
    void aCancelledTickDoesNotRunAndAThrowingOneDoesNotStopTheTimeline() {
        AtomicInteger cancelledRan = new AtomicInteger();
        List<String> ran = new CopyOnWriteArrayList<>();
        Future<?> cancelled = timer.schedule(cancelledRan::incrementAndGet, 200);
        timer.schedule(() -> {
            throw new IllegalStateException("a broken tick");
        }, 0);
        timer.schedule(() -> ran.add("after the broken one"), 300);

        assertThat(cancelled.cancel(false)).isTrue();

        await("the tick after the broken one").atMost(WAIT).until(() -> ran.size() == 1);
        assertThat(cancelledRan).hasValue(0);
    }

    @Test
    void aClosedTimerRunsNothingMoreAndLeavesNothingScheduled() {
        AtomicInteger ran = new AtomicInteger();
        Future<?> pending = timer.schedule(ran::incrementAndGet, 300);

        timer.close();
        Future<?> afterClose = timer.schedule(ran::incrementAndGet, 0);

        assertThat(pending.isCancelled()).isTrue();
        assertThat(afterClose.isCancelled()).isTrue();
        await("nothing to run after close").during(Duration.ofMillis(500)).atMost(WAIT).until(() -> ran.get() == 0);
        assertThat(runtime.timers()).isInstanceOfSatisfying(java.util.concurrent.ScheduledThreadPoolExecutor.class,
                scheduler -> assertThat(scheduler.getQueue()).as("firings left in the shared scheduler").isEmpty());
    }
}
