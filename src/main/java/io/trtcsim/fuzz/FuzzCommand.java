package io.trtcsim.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trtcsim.cli.DurationConverter;
import io.trtcsim.usersig.AppKey;
import io.trtcsim.usersig.AppKeyStore;
import io.trtcsim.usersig.PermissionControl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The fuzz command: {@code bash scripts/fuzz.sh --url ws://127.0.0.1:7788/signal} sends hostile
 * signaling to a running stack while a sentinel client and a /health poller watch it
 * (docs/fuzzing.md). Exit status 0 passed, 1 a finding, 2 bad input, 3 could not run.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        version = "trtc fuzz (from the sources)",
        description = {"Sends hostile signaling (random bytes and text, wrong JSON types, huge numbers, deep nesting,"
                + " oversized frames, garbage SDP, publish/leave races, abrupt disconnects) to a running stack over many"
                + " connections, while a sentinel client in a room of its own and a /health poller watch it.",
            "Exit status: 0 passed, 1 a finding (crash, hang, disturbed sentinel, slow /health), 2 bad input, 3 could not run.", ""})
public final class FuzzCommand implements Callable<Integer> {

    static final String SUMMARY_FILE = "fuzz-summary.json";

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "WS_URL", defaultValue = "ws://127.0.0.1:7788/signal",
            description = "The stack's signaling WebSocket; /health is asked on the same host and port.")
    private URI url;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "100000", description = "Hostile messages to send (at least).")
    private long messages;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "50", description = "Connections open in parallel.")
    private int connections;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Seed of the messages: the same seed sends the same scenarios. Default: from the clock (printed).")
    private Long seed;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Stop sending after this long even if fewer messages were sent: 500ms, 20s, 5m, 1h or ISO-8601.")
    private Duration duration;

    @Option(names = "--fixtures", paramLabel = "FOLDER", defaultValue = "fixtures",
            description = "Folder holding apps.json, whose keys sign the valid joins (the sentinel's and the fuzz's own).")
    private Path fixtures;

    @Option(names = "--app", paramLabel = "SDKAPPID",
            description = "The application of apps.json to join with. Default: the first with basic permission control.")
    private Long sdkAppId;

    @Option(names = "--out", paramLabel = "FOLDER", description = "Folder to write " + SUMMARY_FILE + " into. Default: none.")
    private Path out;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command as {@link #main} runs it, with the exit statuses of {@link FuzzExitStatus}. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new FuzzCommand());
        commandLine.setParameterExceptionHandler((failure, args) -> {
            CommandLine failed = failure.getCommandLine();
            failed.getErr().println("fuzz: " + failure.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(failure, failed.getErr());
            failed.getErr().println("Try 'fuzz --help' for the options.");
            failed.getErr().flush();
            return FuzzExitStatus.BAD_INPUT.code();
        });
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> {
            if (failure instanceof FuzzCannotRunException) {
                failed.getErr().println("fuzz: could not run: " + failure.getMessage());
            } else {
                failed.getErr().println("fuzz: could not run: " + failure);
                failure.printStackTrace(failed.getErr());
            }
            failed.getErr().flush();
            return FuzzExitStatus.COULD_NOT_RUN.code();
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        FuzzPlan plan;
        try {
            plan = new FuzzPlan(url, messages, connections, seed != null ? seed : System.currentTimeMillis(), duration, app());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter console = spec.commandLine().getOut();
        console.println("fuzzing " + plan.url() + " (health " + plan.healthUrl() + "): " + plan.messages() + " messages, "
                + plan.connections() + " connections, seed " + plan.seed() + ", app " + plan.app().sdkAppId());
        console.flush();
        FuzzReport report = new FuzzRun(plan).run();
        report.lines().forEach(console::println);
        if (out != null) {
            Path written = write(report, out);
            console.println("summary: " + written);
        }
        console.flush();
        return report.exitStatus().code();
    }

    private AppKey app() {
        Path file = fixtures.resolve("apps.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--fixtures " + fixtures + " holds no apps.json (looked for " + file.toAbsolutePath() + ")");
        }
        AppKeyStore keys;
        try {
            keys = AppKeyStore.load(file);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--fixtures: " + file + " cannot be read: " + e.getMessage(), e);
        }
        Optional<AppKey> chosen = sdkAppId != null ? keys.find(sdkAppId)
                : keys.apps().stream().filter(app -> app.permissionControl() == PermissionControl.BASIC).findFirst();
        return chosen.orElseThrow(() -> new IllegalArgumentException(sdkAppId != null
                ? "--app " + sdkAppId + " is not in " + file
                : file + " has no application with basic permission control (the fuzzer joins without a privateMapKey)"));
    }

    private static Path write(FuzzReport report, Path folder) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(SUMMARY_FILE);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report.toMap());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + folder.resolve(SUMMARY_FILE), e);
        }
    }
}
