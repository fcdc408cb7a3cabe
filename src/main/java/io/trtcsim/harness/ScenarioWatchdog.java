package io.trtcsim.harness;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one scenario's thread: when the scenario has not finished within its limit
 * ({@code harness.timeout.scenario}), it takes a {@link ThreadDump} and interrupts the thread, so a
 * step blocked in a wait gives up, the scenario fails with the dump in its report, its teardown
 * releases what it made, and the run goes on with the next scenario. A thread stuck inside a native
 * call does not answer an interrupt; the dump then says where it is.
 */
public final class ScenarioWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScenarioWatchdog.class);

    private final ScheduledExecutorService timer;
    private final Duration limit;
    private volatile String dump;

    private ScenarioWatchdog(Thread scenario, String name, Duration limit) {
        this.limit = limit;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "scenario-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.schedule(() -> expire(scenario, name), limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts watching {@code scenario}, the thread that runs the scenario's steps. */
    public static ScenarioWatchdog watch(Thread scenario, String name, Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the scenario time limit must be positive, got " + limit);
        }
        return new ScenarioWatchdog(scenario, name, limit);
    }

    private void expire(Thread scenario, String name) {
        dump = ThreadDump.capture();
        log.error("scenario '{}' did not finish within {} ms (harness.timeout.scenario): interrupting it; the"
                + " thread dump is attached to its report and follows here:\n{}", name, limit.toMillis(), dump);
        scenario.interrupt();
    }

    /** The thread dump taken when the limit passed; empty while the scenario is within it. */
    public Optional<String> expired() {
        return Optional.ofNullable(dump);
    }

    public Duration limit() {
        return limit;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
