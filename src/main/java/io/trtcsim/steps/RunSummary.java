package io.trtcsim.steps;

import io.cucumber.core.options.Constants;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.trtcsim.harness.ReportEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A Cucumber plugin for CI: clears the Allure results of an earlier run when a run starts, writes
 * the Allure environment, and prints one summary line when it ends:
 * {@code scenarios: 12 passed, 1 failed, 0 skipped}, then a line for each scenario that failed
 * ({@code failed: features/x.feature:12 Its name: the first line of its error}), so a CI log's last
 * lines say which one without the report.
 */
public final class RunSummary implements ConcurrentEventListener {

    private static final Path ALLURE_RESULTS = Path.of("reports", "allure-results");

    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, event -> prepareResults());
        publisher.registerHandlerFor(TestCaseFinished.class, this::count);
        publisher.registerHandlerFor(TestRunFinished.class, event -> {
            System.out.println(summary());
            failures.forEach(System.out::println);
        });
    }

    private void count(TestCaseFinished event) {
        Status status = event.getResult().getStatus();
        if (status == Status.PASSED) {
            passed.incrementAndGet();
        } else if (status == Status.SKIPPED || status == Status.PENDING || status == Status.UNDEFINED) {
            skipped.incrementAndGet();
        } else {
            failed.incrementAndGet();
            failures.add(failure(event));
        }
    }

    /** One failed scenario as a line: where it is, its name, and the first line of its error. */
    static String failure(TestCaseFinished event) {
        URI uri = event.getTestCase().getUri();
        String where = "file".equals(uri.getScheme())
                ? Path.of("").toAbsolutePath().relativize(Path.of(uri)).toString() : uri.toString();
        Throwable error = event.getResult().getError();
        String why = error == null ? event.getResult().getStatus().name()
                : error.getMessage() == null ? error.getClass().getName()
                : error.getMessage().strip().lines().findFirst().orElse(error.getClass().getName());
        return "failed: " + where + ":" + event.getTestCase().getLocation().getLine() + " "
                + event.getTestCase().getName() + ": " + why;
    }

    String summary() {
        return "scenarios: " + passed.get() + " passed, " + failed.get() + " failed, " + skipped.get() + " skipped";
    }

    private static void prepareResults() {
        try {
            Files.createDirectories(ALLURE_RESULTS);
            try (Stream<Path> old = Files.list(ALLURE_RESULTS)) {
                for (Path file : old.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.writeString(ALLURE_RESULTS.resolve("environment.properties"), ReportEnvironment.describe()
                    + "Cucumber=" + ReportEnvironment.packageVersion(Constants.class, "7") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + ALLURE_RESULTS, e);
        }
    }
}
