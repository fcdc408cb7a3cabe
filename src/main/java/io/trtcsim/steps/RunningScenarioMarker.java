package io.trtcsim.steps;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A Cucumber plugin that keeps {@value #FILE} naming the scenario that is running, from its start
 * to its end. A JVM that dies in native code (a SIGSEGV in libwebrtc) leaves the reports of every
 * finished scenario, since each is written as it ends, and this file saying which one was running;
 * the next run prints it before it starts ("the run before this one died while running ...").
 */
public final class RunningScenarioMarker implements ConcurrentEventListener {

    static final String FILE = "reports/scenario-running.txt";
    private final Path marker;

    public RunningScenarioMarker() {
        this(Path.of(FILE));
    }

    RunningScenarioMarker(Path marker) {
        this.marker = marker;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, event -> reportAnEarlierDeath());
        publisher.registerHandlerFor(TestCaseStarted.class, event -> mark(event.getTestCase(), event.getInstant()));
        publisher.registerHandlerFor(TestCaseFinished.class, event -> clear());
        publisher.registerHandlerFor(TestRunFinished.class, event -> clear());
    }

    private void reportAnEarlierDeath() {
        if (Files.exists(marker)) {
            try {
                System.out.println("the run before this one died while running: " + Files.readString(marker).strip()
                        + " (from " + marker + ")");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + marker, e);
            }
            clear();
        }
    }

    private void mark(TestCase scenario, Instant started) {
        try {
            Files.createDirectories(marker.toAbsolutePath().getParent());
            Files.writeString(marker, "scenario '" + scenario.getName() + "' (" + scenario.getUri() + ":"
                    + scenario.getLocation().getLine() + "), started " + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
    }

    private void clear() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + marker, e);
        }
    }
}
