package io.trtcsim.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The command line of {@link AudienceBenchmark}; --help prints its usage. */
@Command(name = "AudienceBenchmark", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Signaling-only participants at scale, on the embedded stack (simulator in this JVM).", "",
                "An anchor \"alice\" readies a 320x180@15 stream (and warms the JVM up, see --warmup-members), then"
                        + " joins live room 8888; N audience members (signaling only: no libwebrtc) join it at the given"
                        + " rate; after a steady window with everyone in the room (heartbeats), alice publishes and"
                        + " unpublishes, --rounds times; each member's stream-added is timed. Heap after GC and threads"
                        + " are read before and after the joins; /health is asked every 200 ms from a thread of its own"
                        + " during the whole run.", "",
                "Targets: stream-added p99 <= 100 ms in every measured round, counted from the simulator's announcement"
                        + " (the time of its log line, as it starts telling the room); <= 200 KB heap per member (both"
                        + " sides: SDK client and simulator session, same JVM); /health answered within 1 s throughout"
                        + " (forced GCs of the memory readings shown apart).", ""},
        footer = {"", "Exit status: 0 when the run completed (targets met or missed), 1 when it broke (a join failed, a"
                + " member got no stream-added, a leave failed), 2 for a wrong command line."})
final class AudienceOptions implements BenchmarkCommandLine.Options {

    @Option(names = "--members", paramLabel = "N", defaultValue = "5000", converter = OptionValues.PositiveWhole.class,
            description = "audience members (default ${DEFAULT-VALUE})")
    int members;

    @Option(names = "--join-rate", paramLabel = "R", defaultValue = "500", converter = OptionValues.PositiveNumber.class,
            description = "joins started per second (default ${DEFAULT-VALUE})")
    double joinRate;

    @Option(names = "--steady-seconds", paramLabel = "N", defaultValue = "5", converter = OptionValues.PositiveWhole.class,
            description = "window with everyone in the room before alice publishes (default ${DEFAULT-VALUE})")
    int steadySeconds;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", converter = OptionValues.PositiveWhole.class,
            description = "measured publish rounds: alice publishes, everyone hears, she unpublishes"
                    + " (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup-members", paramLabel = "N", defaultValue = "1000",
            converter = OptionValues.NonNegativeWhole.class,
            description = "before anything is measured, N members join another room, alice publishes and unpublishes"
                    + " to them --warmup-rounds times, and they leave: what a JVM that ran scenarios before has done,"
                    + " so the JIT is not compiling these paths during the measured rounds (default ${DEFAULT-VALUE};"
                    + " 0: a fresh JVM, alice publishes once alone)")
    int warmUpMembers;

    @Option(names = "--warmup-rounds", paramLabel = "N", defaultValue = "10", converter = OptionValues.PositiveWhole.class,
            description = "publish rounds of the warm-up (default ${DEFAULT-VALUE})")
    int warmUpRounds;

    @Option(names = "--wait-seconds", paramLabel = "N", defaultValue = "30", converter = OptionValues.PositiveWhole.class,
            description = "how long every member may take to get stream-added (default ${DEFAULT-VALUE})")
    int waitSeconds;

    @Option(names = "--log-level", paramLabel = "L", defaultValue = "WARN", converter = LogLevel.class,
            description = "the project's log level during the run: WARN (default), INFO, DEBUG")
    String logLevel;

    @Option(names = "--markdown", paramLabel = "FILE", description = "also write the results as Markdown to FILE")
    Optional<Path> markdown = Optional.empty();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    boolean help;

    /** The levels worth a run of thousands of members, in any case; logback's name for it. */
    static final class LogLevel implements ITypeConverter<String> {

        private static final List<String> LEVELS = List.of("WARN", "INFO", "DEBUG");

        @Override
        public String convert(String value) {
            String level = value.trim().toUpperCase(Locale.ROOT);
            if (!LEVELS.contains(level)) {
                throw new TypeConversionException("'" + value + "' is none of WARN, INFO, DEBUG");
            }
            return level;
        }
    }
}
