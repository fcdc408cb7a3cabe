package io.trtcsim.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ForkJoinPool pool = DaemonThreads.pool("serial-test", 4);

    @AfterEach
    void closePool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).as("the test pool ended").isTrue();
    }

    @Test
    void manyOwnersOnOnePoolEachRunInOrderAndNeverTwoTasksOfOneOwnerAtOnce() {
        int owners = 50;
        int tasks = 400;
        List<SerialExecutor> executors = new ArrayList<>();
        List<List<Integer>> seen = new ArrayList<>();
        AtomicInteger overlaps = new AtomicInteger();
        for (int owner = 0; owner < owners; owner++) {
            executors.add(new SerialExecutor("owner " + owner, pool));
            seen.add(new CopyOnWriteArrayList<>());
        }
        AtomicInteger[] running = new AtomicInteger[owners];
        for (int owner = 0; owner < owners; owner++) {
            running[owner] = new AtomicInteger();
        }
        for (int task = 0; task < tasks; task++) {
            for (int owner = 0; owner < owners; owner++) {
                int o = owner;
                int t = task;
                executors.get(owner).execute(() -> {
                    if (running[o].incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    seen.get(o).add(t);
                    running[o].decrementAndGet();
                });
            }
        }

        await("every owner's " + tasks + " tasks to run").atMost(WAIT)
                .untilAsserted(() -> assertThat(seen).allSatisfy(list -> assertThat(list).hasSize(tasks)));
        List<Integer> inOrder = java.util.stream.IntStream.range(0, tasks).boxed().toList();
        assertThat(seen).allSatisfy(list -> assertThat(list).containsExactlyElementsOf(inOrder));
        assertThat(overlaps).as("tasks of one owner that overlapped").hasValue(0);
    }

    @Test
    void aBusyOwnerLetsTheOthersRunBetweenItsBatches() {
        ForkJoinPool single = DaemonThreads.pool("serial-test-single", 1);
        try {
            SerialExecutor busy = new SerialExecutor("busy", single);
            SerialExecutor other = new SerialExecutor("other", single);
            List<String> order = new CopyOnWriteArrayList<>();
            // Queued from the pool's thread, as events emitted by another owner's task are.
            single.execute(() -> {
                for (int i = 0; i < SerialExecutor.BATCH * 3; i++) {
                    busy.execute(() -> order.add("busy"));
                }
                other.execute(() -> order.add("other"));
            });

            await("both owners' tasks to run").atMost(WAIT).until(() -> order.size() == SerialExecutor.BATCH * 3 + 1);
            assertThat(order.indexOf("other")).as("where the other owner's task ran among the busy one's")
                    .isEqualTo(SerialExecutor.BATCH);
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheNext() {
        SerialExecutor executor = new SerialExecutor("alice", pool);
        AtomicBoolean ranAfter = new AtomicBoolean();
        executor.execute(() -> {
            throw new IllegalStateException("a broken task");
        });
        executor.execute(() -> ranAfter.set(true));

        await("the task after the broken one to run").atMost(WAIT).untilTrue(ranAfter);
    }

    @Test
    void aTaskKnowsItRunsOnItsExecutorAndOthersDoNot() throws Exception {
        SerialExecutor executor = new SerialExecutor("alice", pool);
        CompletableFuture<Boolean> inside = new CompletableFuture<>();
        executor.execute(() -> inside.complete(executor.isRunningOnCurrentThread()));

        assertThat(inside.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(executor.isRunningOnCurrentThread()).isFalse();
    }

    @Test
    void shutdownRunsWhatWasQueuedRefusesMoreAndThenTerminates() {
        SerialExecutor executor = new SerialExecutor("alice", pool);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        executor.execute(() -> awaitLatch(release));
        executor.execute(() -> ran.add("queued before"));

        executor.shutdown();
        assertThatThrownBy(() -> executor.execute(() -> ran.add("after")))
                .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("alice is shut down");
        assertThat(executor.awaitTermination(Duration.ofMillis(100))).as("terminated while a task still runs").isFalse();
        release.countDown();

        assertThat(executor.awaitTermination(WAIT)).as("terminated once the queue ran").isTrue();
        assertThat(ran).containsExactly("queued before");
    }

    @Test
    void shutdownNowDropsWhatWasQueued() {
        SerialExecutor executor = new SerialExecutor("alice", pool);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        executor.execute(() -> awaitLatch(release));
        executor.execute(() -> ran.add("queued before"));

        executor.shutdownNow();
        release.countDown();

        assertThat(executor.awaitTermination(WAIT)).isTrue();
        assertThat(ran).isEmpty();
    }

    @Test
    void aClosedPoolIsAClearRefusalNamingTheOwner() {
        ForkJoinPool closed = DaemonThreads.pool("serial-test-closed", 1);
        closed.shutdown();
        SerialExecutor executor = new SerialExecutor("events of alice", closed);

        assertThatThrownBy(() -> executor.execute(() -> { }))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("events of alice: its pool no longer runs tasks");
        assertThat(executor.isShutdown()).isTrue();
    }

    @Test
    void aPoolThreadWaitingForAnotherOwnerDoesNotStarveIt() throws Exception {
        ForkJoinPool single = DaemonThreads.pool("serial-test-wait", 1);
        try {
            SerialExecutor waiting = new SerialExecutor("waiting", single);
            SerialExecutor awaited = new SerialExecutor("awaited", single);
            CompletableFuture<String> answer = new CompletableFuture<>();
            CompletableFuture<String> got = new CompletableFuture<>();
            waiting.execute(() -> {
                awaited.execute(() -> answer.complete("answered"));
                // On the pool's only thread: ForkJoinPool's managed blocking adds one meanwhile.
                got.complete(answer.join());
            });

            assertThat(got.get(5, TimeUnit.SECONDS)).isEqualTo("answered");
        } finally {
            single.shutdownNow();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
