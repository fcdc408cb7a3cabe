package io.trtcsim.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LingeringThreadsTest {

    @Test
    void namesANonDaemonThreadThatOutlivesTheGrace() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread stuck = new Thread(() -> awaitQuietly(release), "stuck-in-test");
        stuck.start();
        try {
            assertThat(LingeringThreads.after(Duration.ofMillis(50), Thread.currentThread()))
                    .anySatisfy(line -> assertThat(line).startsWith("'stuck-in-test' (WAITING) at "));
        } finally {
            release.countDown();
            stuck.join();
        }
    }

    @Test
    void waitsForAThreadOnItsWayOut() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread ending = new Thread(() -> awaitQuietly(release), "ending-in-test");
        ending.start();
        release.countDown();
        assertThat(LingeringThreads.after(Duration.ofSeconds(10), Thread.currentThread()))
                .noneMatch(line -> line.contains("ending-in-test"));
    }

    @Test
    void daemonThreadsTheRunnerAndMainDoNotCount() {
        Thread daemon = new Thread(() -> { }, "daemon");
        daemon.setDaemon(true);
        assertThat(LingeringThreads.isLingering(Thread.currentThread(), Thread.currentThread())).isFalse();
        assertThat(LingeringThreads.isLingering(daemon, Thread.currentThread())).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
