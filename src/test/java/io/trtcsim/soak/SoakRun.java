package io.trtcsim.soak;

import io.cucumber.core.cli.Main;
import io.trtcsim.harness.ProcessEngines;
import io.trtcsim.media.MediaEnginePool;
import io.trtcsim.soak.ProcessFigures.Figure;
import io.trtcsim.soak.ScenarioOutcome.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The soak run (issue 15): the features looped in this one JVM until at least {@code --scenarios}
 * scenarios have run after a warm-up loop, with the process's native threads, open file
 * descriptors, resident memory, Java threads and heap after GC read once the warm-up loop is over
 * (class loading and the JIT's first compilations are not growth) and again at the end, each
 * checked against its {@link Tolerance}. From the sources:
 * {@code bash scripts/soak.sh --scenarios 200} (docs/measurements.md, "Soak and repeated runs").
 *
 * <p>Exit status 0 when every scenario passed, every figure stayed flat and no thread of the run
 * outlived it (the JVM then ends by itself); 1 otherwise; 2 for a wrong command line.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Runs the features over and over in one JVM and checks that threads, file descriptors and"
                + " memory stay flat. The first loop warms the JVM up and is not measured.", ""})
public final class SoakRun implements Callable<Integer> {

    private static final Path LOOP_REPORTS = Path.of("target", "soak");
    /** How long threads on their way out may take to end once the last loop is over. */
    private static final Duration LINGER_GRACE = Duration.ofSeconds(10);

    @Option(names = "--features", paramLabel = "PATH", defaultValue = "features",
            description = "feature file or folder, repeatable (default: ${DEFAULT-VALUE})")
    private List<String> features;

    @Option(names = "--scenarios", paramLabel = "N", defaultValue = "200",
            description = "scenarios to run after the warm-up loop; whole loops, so at least N (default: ${DEFAULT-VALUE})")
    private int scenarios;

    @Option(names = "--stack", paramLabel = "STACK",
            description = "harness.stack: embedded, janus, janus-container, simulator-container or a ws:// URL"
                    + " (default: the harness's own setting, embedded)")
    private String stack;

    @Option(names = "--tags", paramLabel = "EXPRESSION", description = "Cucumber tag expression that picks the scenarios")
    private String tags;

    @Option(names = "--markdown", paramLabel = "FILE", description = "also write the figures as a Markdown table to FILE")
    private Path markdown;

    public static void main(String[] args) {
        int status = new CommandLine(new SoakRun()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
        // Status 0: main ends and so does the JVM, by itself (no thread of the run is left: checked).
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (scenarios < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--scenarios must be at least 1, not " + scenarios);
        }
        for (String feature : features) {
            if (!Files.exists(Path.of(feature))) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--features: no feature file or folder " + feature);
            }
        }
        if (stack != null) {
            System.setProperty("harness.stack", stack);
        }
        Files.createDirectories(LOOP_REPORTS);
        // The engines kept between scenarios stay from loop to loop (each loop is a Cucumber run,
        // whose end would dispose them), and are disposed here after the end figures.
        System.setProperty(ProcessEngines.KEEP_AFTER_RUN, "true");
        JunitReport warmUp = loop(0);
        System.out.println("soak: warm-up loop (not measured): " + warmUp.counts());
        if (warmUp.scenarios().isEmpty()) {
            System.err.println("soak: no scenario matched --features " + features + (tags == null ? "" : " --tags " + tags));
            return 2;
        }
        ProcessFigures start = ProcessFigures.now();
        int recordingAtStart = recordingEngines();
        System.out.println("soak: start: " + start.line());
        SoakTally tally = new SoakTally();
        for (int loop = 1; tally.run() < scenarios; loop++) {
            JunitReport report = loop(loop);
            tally.add(report);
            System.out.println("soak: loop " + loop + ": " + report.counts() + "; so far " + tally.line() + "; now "
                    + ProcessFigures.now().line());
            report.scenarios().stream().filter(scenario -> scenario.outcome() == Outcome.FAILED)
                    .forEach(scenario -> System.out.println("soak:   failed: " + scenario.title()));
        }
        ProcessFigures end = ProcessFigures.now();
        ProcessEngines.counts().ifPresent(counts -> System.out.println("soak: engines kept between scenarios: " + counts));
        // Engines recording a machine microphone cannot be kept (their PulseAudio server ends with the
        // scenario); disposed after a connection, each leaves two native threads behind in webrtc-java
        // 0.14.0 (docs/design.md, pitfall 9). Allowed on top of the tolerance, and named.
        int recording = recordingEngines() - recordingAtStart;
        ProcessEngines.close();
        List<Tolerance.Check> checks = Tolerance.SOAK.stream()
                .map(tolerance -> tolerance.figure() == Figure.NATIVE_THREADS && recording > 0
                        ? tolerance.check(start, end, 2L * recording, "for the " + recording
                                + " engine(s) that recorded a machine microphone (webrtc-java 0.14.0 leaves 2 threads per engine)")
                        : tolerance.check(start, end))
                .toList();
        List<String> lingering = LingeringThreads.after(LINGER_GRACE, Thread.currentThread());
        SoakVerdict verdict = new SoakVerdict(warmUp, tally, start, end, checks, lingering);
        verdict.lines().forEach(System.out::println);
        if (markdown != null) {
            Path file = markdown.toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.write(file, verdict.markdownLines());
            System.out.println("soak: markdown: " + markdown);
        }
        return verdict.passed() ? 0 : 1;
    }

    private static int recordingEngines() {
        return ProcessEngines.counts().map(MediaEnginePool.Counts::recorded).orElse(0);
    }

    /** One pass over the features through Cucumber's runtime in this JVM; its JUnit report says how it went. */
    private JunitReport loop(int number) {
        Path report = LOOP_REPORTS.resolve("loop-" + number + ".xml");
        List<String> args = new ArrayList<>(List.of("--glue", "io.trtcsim.steps",
                "--plugin", "io.trtcsim.steps.RunSummary",
                "--plugin", "io.trtcsim.steps.RunningScenarioMarker",
                "--plugin", "junit:" + report,
                "--monochrome"));
        if (tags != null) {
            args.addAll(List.of("--tags", tags));
        }
        args.addAll(features);
        Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
        if (!Files.exists(report)) {
            throw new IllegalStateException("Cucumber wrote no report " + report + " (see its output above)");
        }
        return JunitReport.read(report);
    }
}
