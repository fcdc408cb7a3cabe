package io.trtcsim.bench;

import io.trtcsim.harness.ParticipantKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many subscribers of one kind the harness carries: a baseline step of FULL subscribers with
 * engines of their own, then growing steps of the chosen kind on the shared engine, each measured
 * as {@link CapacityStep} says. {@link CapacityOptions} (--help) has the details.
 * <p>
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.trtcsim.bench.CapacityBenchmark
 * -Dexec.args="--kind full --steps 20,40,60 --markdown reports/capacity-full.md"}
 * <p>
 * Targets missed are printed and leave the exit status 0: the benchmark ran. A step that failed to
 * run makes it 1.
 */
public final class CapacityBenchmark {

    static final int FULL_TARGET = 60;
    static final int STATS_ONLY_TARGET = 120;
    private static final long FIRST_ROOM = 9300;

    private final CapacityOptions options;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final TextTable table = new TextTable(1, "subscribers", "count", "min fps", "median fps", "worst p95 ms",
            "median p95 ms", "freezes (worst one)", "worst audio p95 ms", "JVM CPU cores", "of machine",
            "simulator cores", "others' cores", "CPU/sub cores", "RSS MB", "RSS/sub MB", "heap MB", "threads",
            "threads/sub", "setup s", "criteria");
    private final TextTable ratios = new TextTable(1, "subscribers", "count", "CPU/sub vs baseline",
            "RSS/sub vs baseline", "threads/sub vs baseline");
    private final List<String> failures = new ArrayList<>();
    private CapacityFigures baseline;
    private CapacityFigures largestMet;

    private CapacityBenchmark(CapacityOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws IOException {
        BenchmarkCommandLine.main(new CapacityOptions(), args, CapacityBenchmark::report);
    }

    /** Runs every step, prints the tables (and writes the Markdown); 1 when a step failed to run. */
    private static int report(CapacityOptions options) throws IOException {
        CapacityBenchmark benchmark = new CapacityBenchmark(options);
        benchmark.run();
        String text = benchmark.text();
        System.out.println();
        System.out.print(text);
        if (options.markdown.isPresent()) {
            Path file = options.markdown.get();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, benchmark.markdown());
            System.out.println("written to " + file);
        }
        return benchmark.failures.isEmpty() ? 0 : 1;
    }

    private void run() {
        System.out.printf("capacity benchmark on %d cores: %s subscribers taking %s, steps %s, %d s windows;"
                        + " baseline %s%n", cores, options.audience.label(), options.media, options.steps,
                options.seconds, options.baseline == 0 ? "none" : options.baseline + " " + Audience.BASELINE.label());
        CapacityStep step = new CapacityStep(options);
        long room = FIRST_ROOM;
        if (options.warmup > 0) {
            System.out.printf("capacity: warm-up, %d subscribers, %s (not measured) ...%n", options.warmup,
                    options.audience.label());
            try {
                step.run(options.audience, options.warmup, room++);
            } catch (RuntimeException | AssertionError e) {
                failures.add("the warm-up: " + Format.firstLine(e));
                return;
            }
        }
        if (options.baseline > 0) {
            baseline = measure(step, Audience.BASELINE, options.baseline, room++);
        }
        for (int subscribers : options.steps) {
            CapacityFigures figures = measure(step, options.audience, subscribers, room++);
            if (figures == null || !figures.meetsCriteria()) {
                break;
            }
            largestMet = figures;
        }
    }

    /** One step, added to the tables; null when it failed to run. */
    private CapacityFigures measure(CapacityStep step, Audience audience, int subscribers, long room) {
        System.out.printf("capacity: %d subscribers, %s ...%n", subscribers, audience.label());
        CapacityFigures figures;
        try {
            figures = step.run(audience, subscribers, room);
        } catch (RuntimeException | AssertionError e) {
            // AssertionError: the harness's waits fail with it (a subscriber without a first frame).
            failures.add(subscribers + " subscribers, " + audience.label() + ": " + Format.firstLine(e));
            System.out.printf("capacity: %d subscribers, %s FAILED: %s%n", subscribers, audience.label(), e);
            return null;
        }
        System.out.printf("capacity: %s%n", figures);
        table.add(audience.label(), String.valueOf(subscribers), Format.decimal(figures.minFps()),
                Format.decimal(figures.medianFps()), Format.millis(figures.worstP95Millis()),
                Format.millis(figures.medianP95Millis()), figures.totalFreezes() + " (" + figures.worstFreezes() + ")",
                Format.millis(figures.worstAudioP95Millis()), Format.cores(figures.processCores()),
                Format.whole(100 * figures.machineShare(cores)) + " %", Format.cores(figures.simulatorCores()),
                Format.cores(figures.otherCores()), String.format(Locale.ROOT, "%.4f", figures.coresPerSubscriber()),
                Format.whole(figures.residentMegabytes()), Format.decimal(figures.residentMegabytesPerSubscriber()),
                Format.whole(figures.heapUsedMegabytes()), String.valueOf(figures.nativeThreads()),
                Format.decimal(figures.threadsPerSubscriber()), Format.decimal(figures.setupSeconds()),
                figures.meetsCriteria() ? "met" : "missed");
        if (baseline != null) {
            ratios.add(audience.label(), String.valueOf(subscribers),
                    Format.ratio(figures.coresPerSubscriber() / baseline.coresPerSubscriber()),
                    Format.ratio(figures.residentMegabytesPerSubscriber() / baseline.residentMegabytesPerSubscriber()),
                    Format.ratio(figures.threadsPerSubscriber() / baseline.threadsPerSubscriber()));
        }
        return figures;
    }

    private List<String> notes() {
        List<String> notes = new ArrayList<>();
        failures.forEach(failure -> notes.add("FAILED: " + failure));
        boolean full = options.audience.kind() == ParticipantKind.FULL;
        int target = full ? FULL_TARGET : STATS_ONLY_TARGET;
        notes.add(String.format("largest step of %s meeting the criteria (every subscriber >= %s fps%s): %s",
                options.audience.label(), Format.whole(CapacityFigures.MIN_FPS),
                full ? ", worst p95 <= " + Format.whole(CapacityFigures.MAX_P95_MILLIS) + " ms" : "",
                largestMet == null ? "none" : largestMet.subscribers() + " subscribers"));
        notes.add(String.format("target >= %d %s subscribers meeting them: %s", target, options.audience.kind(),
                largestMet != null && largestMet.subscribers() >= target ? "met" : "missed"));
        return notes;
    }

    private String text() {
        StringBuilder text = new StringBuilder(String.format("Capacity on %d cores, %s: alice publishes %s with audio;"
                + " subscribers take %s, join at %d/s; %d s measured %d s after all render%n%n", cores, LocalDate.now(),
                FanOut.PROFILE, options.media, options.joinsPerSecond, options.seconds, options.settleSeconds));
        text.append(table.isEmpty() ? "no step ran\n" : table.text()).append('\n');
        if (!ratios.isEmpty()) {
            text.append("Per subscriber against the baseline of this run (lower is cheaper):\n").append(ratios.text()).append('\n');
        }
        notes().forEach(note -> text.append(note).append('\n'));
        return text.toString();
    }

    private String markdown() {
        StringBuilder md = new StringBuilder("# Capacity: " + options.audience.label() + "\n\n");
        md.append(String.format("%s, %d cores. On the embedded stack alice publishes %s with audio; subscribers take %s"
                        + " and join at %d a second; once every one renders and %d s have passed, %d s are measured."
                        + " CPU in cores over the window (the whole JVM; the simulator's own threads; other processes);"
                        + " per subscriber: beyond a window with alice alone, divided by the subscribers. Frame rate and"
                        + " freezes of FULL subscribers come from their sinks, of STATS_ONLY ones from libwebrtc's"
                        + " counters; latency from the markers (FULL only).%n%n", LocalDate.now(), cores,
                FanOut.PROFILE, options.media, options.joinsPerSecond, options.settleSeconds, options.seconds));
        md.append(table.isEmpty() ? "No step ran.\n" : table.markdown()).append('\n');
        if (!ratios.isEmpty()) {
            md.append("Per subscriber against the baseline of this run (lower is cheaper):\n\n").append(ratios.markdown())
                    .append('\n');
        }
        notes().forEach(note -> md.append("- ").append(note).append('\n'));
        return md.toString();
    }
}
