package io.trtcsim.load;

import io.trtcsim.cli.DurationConverter;
import io.trtcsim.harness.HarnessConfig;
import io.trtcsim.media.VideoProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code load-test run}: one load process (one shard) against a stack, its report at the end. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = LoadTest.Version.class, sortOptions = false, showDefaultValues = true, usageHelpAutoWidth = true,
        description = {"Runs simulated participants against a stack: in each room publishers of synthetic audio and video,"
                + " subscribers that render every stream, and a signaling-only audience. Prints a progress table every"
                + " interval; writes an HTML report with plots, JSON, CSV and an Allure result at the end (also when"
                + " stopped by Ctrl-C or SIGTERM).",
                "Exit status: 0 passed, 1 a threshold missed or a participant failed to join, 2 bad input (nothing"
                        + " started), 3 the run could not be carried out.", ""})
final class RunCommand implements Callable<Integer> {

    /** How long a stop (Ctrl-C, SIGTERM) waits for the run to close its connections and write its report. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    @Spec
    private CommandSpec spec;

    @Option(names = "--stack", paramLabel = "STACK", defaultValue = "embedded",
            description = "Any harness.stack value: embedded, janus, janus-container, simulator-container, the ws:// URL"
                    + " of a running simulator's /signal endpoint, or janus+ws://host:port/ for a running Janus"
                    + " (scripts/janus.sh starts one); the URLs are what shards share.")
    private String stack;

    @Option(names = "--rooms", paramLabel = "N", defaultValue = "1",
            description = "Rooms of this shard; shard i takes rooms FIRST-ROOM + i*N and the next N-1.")
    private int rooms;

    @Option(names = "--first-room", paramLabel = "ID", defaultValue = "1000",
            description = "The first room of shard 0.")
    private long firstRoom;

    @Option(names = "--room-range", paramLabel = "FIRST..LAST",
            description = "This shard's rooms, given outright (instead of --rooms and --first-room).")
    private String roomRange;

    @Option(names = "--publishers", paramLabel = "N", defaultValue = "1",
            description = "Publishers per room, each with synthetic audio and video of --video.")
    private int publishers;

    @Option(names = "--subscribers", paramLabel = "N", defaultValue = "4",
            description = "Subscribers per room, each subscribing to and rendering every stream of its room.")
    private int subscribers;

    @Option(names = "--audience", paramLabel = "N", defaultValue = "0",
            description = "Audience members per room: 'live' mode, role 'audience', signaling only, no media.")
    private int audience;

    @Option(names = "--video", paramLabel = "WxH@FPS", defaultValue = "320x180@15",
            converter = OptionConverters.VideoProfileConverter.class,
            description = "The publishers' video profile.")
    private VideoProfile video;

    @Option(names = "--ramp-rate", paramLabel = "PER_SECOND", defaultValue = "2",
            description = "Participants that start joining per second (publishers first, then subscribers, then audience).")
    private double rampRate;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "The whole run, from the first join: 500ms, 20s, 5m, 1h.")
    private Duration duration;

    @Option(names = "--warm-up", paramLabel = "DURATION", defaultValue = "3s",
            converter = DurationConverter.class,
            description = "Time after the last join before the steady window, which the thresholds judge, opens.")
    private Duration warmUp;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s",
            converter = DurationConverter.class,
            description = "How often a row of the progress table is measured and printed.")
    private Duration interval;

    @Option(names = "--out", paramLabel = "FOLDER", defaultValue = "reports/load",
            description = "Where the report goes: load-report.html, load-report.json, load-samples.csv, load-streams.csv.")
    private Path out;

    @Option(names = "--allure-results", paramLabel = "FOLDER",
            description = "Where the run's Allure result goes. Default: OUT/allure-results.")
    private Path allureResults;

    @Option(names = "--shard-index", paramLabel = "I", defaultValue = "${env:JOB_COMPLETION_INDEX:-0}",
            description = "This process's shard, from 0; by default a Kubernetes Indexed Job's JOB_COMPLETION_INDEX, else 0.")
    private int shardIndex;

    @Option(names = "--shard-count", paramLabel = "N", defaultValue = "1",
            description = "How many shards the run has (each its own process, rooms and names).")
    private int shardCount;

    @Option(names = "--subscriber-kind", paramLabel = "KIND", defaultValue = "full",
            converter = OptionConverters.SubscriberKindConverter.class,
            description = "full (decodes and renders every frame: fps, freezes, latency) or stats-only (decodes, no sink: fps"
                    + " and freezes from getStats, no latency); both on the run's one shared receive engine.")
    private SubscriberKind subscriberKind;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "WARN",
            description = "Log level of the harness, the stack and the media libraries during the run (${COMPLETION-CANDIDATES});"
                    + " above INFO the progress table is not drowned by a line for every join.")
    private ConsoleLogging.LogLevel logLevel;

    @Mixin
    private ThresholdOptions thresholdOptions;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        LoadPlan plan = validPlan();
        List<Threshold> thresholds = validThresholds(plan);
        MemoryEstimate estimate = MemoryEstimate.of(plan);
        OptionalLong available = MemoryEstimate.availableMegabytes();
        console.println("load run, " + plan.describe());
        long maxHeap = MemoryEstimate.maxHeapMegabytes();
        console.println("memory: " + estimate + " (" + estimate.breakdown() + ")"
                + (available.isPresent() ? String.format(Locale.ROOT, "; %,d MB available", available.getAsLong()) : "")
                + String.format(Locale.ROOT, ", maximum heap %,d MB", maxHeap));
        console.flush();
        try {
            estimate.requireFits(available, maxHeap);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }

        LoadRun run = new LoadRun(plan, interval, thresholds, HarnessConfig.load(), console);
        CountDownLatch written = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            run.stop();
            awaitQuietly(written);
        }, "load-run-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try (ConsoleLogging logging = ConsoleLogging.at(logLevel)) {
            LoadReport report;
            try {
                report = run.run();
            } catch (LoadRun.PlanRefusedByStack e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            LoadReportFiles files = LoadReportFiles.write(report, out);
            Path allure = allureResults == null ? out.resolve("allure-results") : allureResults;
            AllureLoadResult.write(report, files, allure);
            LoadSummaryLines.print(report, console);
            console.println("report: " + files.html() + " (with " + LoadReportFiles.JSON + ", " + LoadReportFiles.SAMPLES_CSV
                    + ", " + LoadReportFiles.STREAMS_CSV + "); Allure result in " + allure);
            console.flush();
            return ExitStatus.of(report).code();
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running (Ctrl-C): it returns now that the report is written.
            }
        }
    }

    private LoadPlan validPlan() {
        try {
            Shard shard = new Shard(shardIndex, shardCount);
            return new LoadPlan(stack, shard, rooms(shard), publishers, subscribers, audience, video, rampRate, duration,
                    warmUp, subscriberKind);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private RoomRange rooms(Shard shard) {
        boolean countGiven = spec.commandLine().getParseResult().hasMatchedOption("--rooms")
                || spec.commandLine().getParseResult().hasMatchedOption("--first-room");
        if (roomRange == null) {
            return RoomRange.ofShard(firstRoom, rooms, shard);
        }
        if (countGiven) {
            throw new IllegalArgumentException("--room-range " + roomRange + " names this shard's rooms outright: give it"
                    + " without --rooms and --first-room");
        }
        return RoomRange.parse(roomRange);
    }

    private List<Threshold> validThresholds(LoadPlan plan) {
        try {
            List<Threshold> thresholds = thresholdOptions.thresholds();
            if (!thresholds.isEmpty() && plan.streamsPlanned() == 0) {
                throw new IllegalArgumentException(thresholds.get(0) + " judges streams, and this plan has none to render"
                        + " (--subscribers " + plan.subscribersPerRoom() + ", --publishers " + plan.publishersPerRoom() + ")");
            }
            if (plan.subscriberKind() == SubscriberKind.STATS_ONLY
                    && thresholds.stream().anyMatch(t -> t.criterion() == Criterion.MAX_P95_MS)) {
                throw new IllegalArgumentException("--max-p95-ms needs latency, which --subscriber-kind stats-only does not"
                        + " measure (it has no sink to read the picture markers): use --subscriber-kind full, or judge"
                        + " stats-only subscribers by --min-fps and --max-freezes");
            }
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("--interval " + interval.toMillis() + " ms: the progress needs an interval above 0");
            }
            return thresholds;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static void awaitQuietly(CountDownLatch written) {
        try {
            written.await(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
