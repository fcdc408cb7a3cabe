package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class ScenarioWatchdogTest {

    @Test
    void aScenarioPastItsLimitIsInterruptedWithADumpOfItsThreads() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread steps = new Thread(() -> {
            try {
                new CompletableFuture<Void>().get();
                outcome.complete(null);
            } catch (InterruptedException | ExecutionException e) {
                outcome.complete(e);
            }
        }, "stuck-scenario-steps");
        steps.start();
        try (ScenarioWatchdog watchdog = ScenarioWatchdog.watch(steps, "stuck", Duration.ofMillis(300))) {
            Throwable ended = outcome.get(10, TimeUnit.SECONDS);
            assertThat(ended).as("the blocked wait gave up on the interrupt").isInstanceOf(InterruptedException.class);
            String dump = watchdog.expired().orElseThrow();
            assertThat(dump).contains("\"stuck-scenario-steps\"").contains("CompletableFuture.get")
                    .contains("Native threads of the process");
        }
    }

    @Test
    void aScenarioThatEndsInTimeIsLeftAlone() throws Exception {
        ScenarioWatchdog watchdog = ScenarioWatchdog.watch(Thread.currentThread(), "quick", Duration.ofMillis(200));
        watchdog.close();
        Thread self = Thread.currentThread();
        Awaitility.await("no interrupt and no dump from a closed watchdog for twice its limit")
                .during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .until(() -> !self.isInterrupted() && watchdog.expired().isEmpty());
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void aLimitThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> ScenarioWatchdog.watch(Thread.currentThread(), "x", Duration.ZERO))
                .hasMessageContaining("must be positive");
    }
}
