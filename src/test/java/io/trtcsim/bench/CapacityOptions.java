package io.trtcsim.bench;

import io.trtcsim.harness.EngineUse;
import io.trtcsim.harness.ParticipantKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** The command line of {@link CapacityBenchmark}; --help prints its usage. */
@Command(name = "CapacityBenchmark", sortOptions = false, usageHelpAutoWidth = true,
        description = {"How many subscribers of one kind the harness carries on this machine.", "",
                "On the embedded stack, alice publishes 320x180@15 with audio; per step, a fresh scenario: a window with"
                        + " alice alone, then N subscribers join at a steady pace, and once all render (and a settling"
                        + " time), one window is measured: per subscriber frame rate, freezes and (FULL) p95 video and"
                        + " audio latency from the markers; the JVM's CPU, RSS, heap and native threads, and per"
                        + " subscriber the CPU, RSS and threads beyond the alice-alone window. A baseline step first, in"
                        + " the same run: FULL subscribers with engines of their own (what every participant was before"
                        + " kinds), so the ratios show the saving.", "",
                "Targets: >= 60 FULL subscribers, every one >= 14 fps and worst p95 <= 150 ms;"
                        + " >= 120 STATS_ONLY subscribers, every one >= 14 fps.", ""},
        footer = {"", "Exit status: 0 when every step ran (targets met or missed), 1 when a step failed to run, 2 for a"
                + " wrong command line."})
final class CapacityOptions implements BenchmarkCommandLine.Options {

    @Option(names = "--kind", paramLabel = "K", converter = Kind.class,
            description = "full or stats-only (shared engine); required")
    Audience audience;

    @Option(names = "--steps", paramLabel = "N", split = ",", defaultValue = "20,40,60",
            converter = OptionValues.PositiveWhole.class,
            description = "growing subscriber counts (default ${DEFAULT-VALUE}); stops at a miss")
    List<Integer> steps;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "10", converter = OptionValues.PositiveWhole.class,
            description = "measured window, in s (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--settle-seconds", paramLabel = "N", defaultValue = "3",
            converter = OptionValues.NonNegativeWhole.class,
            description = "once all render, before the window (default ${DEFAULT-VALUE})")
    int settleSeconds;

    @Option(names = "--alone-seconds", paramLabel = "N", defaultValue = "3", converter = OptionValues.PositiveWhole.class,
            description = "the alice-alone window of each step (default ${DEFAULT-VALUE})")
    int aloneSeconds;

    @Option(names = "--joins-per-second", paramLabel = "N", defaultValue = "4",
            converter = OptionValues.PositiveWhole.class,
            description = "the pace subscribers join at (default ${DEFAULT-VALUE})")
    int joinsPerSecond;

    @Option(names = "--media", paramLabel = "M", defaultValue = "audio+video", converter = SubscriberMedia.Converter.class,
            description = "what subscribers take: audio+video (default) or video")
    SubscriberMedia media;

    @Option(names = "--baseline", paramLabel = "N", defaultValue = "20", converter = OptionValues.NonNegativeWhole.class,
            description = "FULL subscribers with their own engines first; 0: none (default ${DEFAULT-VALUE})")
    int baseline;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5", converter = OptionValues.NonNegativeWhole.class,
            description = "an unmeasured step of N subscribers of the kind before all, so the JVM's start (class"
                    + " loading, JIT) is not measured; 0: none (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--markdown", paramLabel = "FILE", description = "also write the tables as Markdown to FILE")
    Optional<Path> markdown = Optional.empty();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    boolean help;

    static CapacityOptions parse(String[] args) {
        return BenchmarkCommandLine.parse(new CapacityOptions(), args);
    }

    @Override
    public void validate(CommandLine commandLine) {
        if (audience == null) {
            throw new ParameterException(commandLine, "--kind is required: full or stats-only");
        }
        OptionValues.requireGrowing(commandLine, "--steps", steps, "20,40,60");
    }

    /** The subscribers a kind names: always on the shared engine, which is what the kinds are for. */
    static final class Kind implements ITypeConverter<Audience> {

        @Override
        public Audience convert(String value) {
            return switch (value.trim()) {
                case "full" -> new Audience(ParticipantKind.FULL, EngineUse.SHARED);
                case "stats-only" -> new Audience(ParticipantKind.STATS_ONLY, EngineUse.SHARED);
                default -> throw new TypeConversionException("'" + value + "' is neither full nor stats-only");
            };
        }
    }
}
