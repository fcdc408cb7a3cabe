package io.trtcsim.bench;

import java.nio.file.Path;
import java.util.Optional;

/** The command line of {@link AudienceBenchmark}; {@link #USAGE} describes it. */
final class AudienceOptions {

    static final String USAGE = """
            AudienceBenchmark: signaling-only participants at scale, on the embedded stack (simulator in this JVM).

              An anchor "alice" readies a 320x180@15 stream (and warms the JVM up, see --warmup-members),
              then joins live room 8888; N audience members (signaling only: no libwebrtc) join it at the
              given rate; after a steady window with everyone in the room (heartbeats), alice publishes
              and unpublishes, --rounds times; each member's stream-added is timed.
              Heap after GC and threads are read before and after the joins; /health is asked every
              200 ms from a thread of its own during the whole run.

              Targets: stream-added p99 <= 100 ms in every measured round, counted from the simulator's
              announcement (the time of its log line, as it starts telling the room); <= 200 KB heap per
              member (both sides: SDK client and simulator session, same JVM); /health answered within
              1 s throughout (forced GCs of the memory readings shown apart).

            options:
              --members N         audience members (default 5000)
              --join-rate R       joins started per second (default 500)
              --steady-seconds N  window with everyone in the room before alice publishes (default 5)
              --rounds N          measured publish rounds: alice publishes, everyone hears, she
                                  unpublishes (default 3)
              --warmup-members N  before anything is measured, N members join another room, alice
                                  publishes and unpublishes to them --warmup-rounds times, and they
                                  leave: what a JVM that ran scenarios before has done, so the JIT is
                                  not compiling these paths during the measured rounds (default 1000;
                                  0: a fresh JVM, alice publishes once alone)
              --warmup-rounds N   publish rounds of the warm-up (default 10)
              --wait-seconds N    how long every member may take to get stream-added (default 30)
              --log-level L       the project's log level during the run: WARN (default), INFO, DEBUG
              --markdown FILE     also write the results as Markdown to FILE
              --help              this text

            exit status: 0 when the run completed (targets met or missed), 1 when it broke (a join
            failed, a member got no stream-added, a leave failed), 2 for a wrong command line.
            """;

    int members = 5000;
    double joinRate = 500;
    int steadySeconds = 5;
    int waitSeconds = 30;
    int rounds = 3;
    int warmUpMembers = 1000;
    int warmUpRounds = 10;
    String logLevel = "WARN";
    Optional<Path> markdown = Optional.empty();
    boolean help;

    static AudienceOptions parse(String[] args) {
        AudienceOptions options = new AudienceOptions();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                options.help = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--members" -> options.members = CallBenchmark.Options.positive(option, value);
                case "--join-rate" -> options.joinRate = positiveNumber(option, value);
                case "--steady-seconds" -> options.steadySeconds = CallBenchmark.Options.positive(option, value);
                case "--rounds" -> options.rounds = CallBenchmark.Options.positive(option, value);
                case "--warmup-members" -> options.warmUpMembers = value.equals("0") ? 0 : CallBenchmark.Options.positive(option, value);
                case "--warmup-rounds" -> options.warmUpRounds = CallBenchmark.Options.positive(option, value);
                case "--wait-seconds" -> options.waitSeconds = CallBenchmark.Options.positive(option, value);
                case "--log-level" -> options.logLevel = switch (value.toUpperCase()) {
                    case "WARN", "INFO", "DEBUG" -> value.toUpperCase();
                    default -> throw new IllegalArgumentException("--log-level '" + value + "' is none of WARN, INFO, DEBUG");
                };
                case "--markdown" -> options.markdown = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + option + " (--help lists them)");
            }
        }
        return options;
    }

    private static double positiveNumber(String option, String value) {
        try {
            double number = Double.parseDouble(value);
            if (number > 0 && !Double.isInfinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException(option + " '" + value + "' is not a number above 0");
    }
}
