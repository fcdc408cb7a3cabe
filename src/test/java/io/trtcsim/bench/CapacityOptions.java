package io.trtcsim.bench;

import io.trtcsim.harness.EngineUse;
import io.trtcsim.harness.ParticipantKind;
import io.trtcsim.trtc.MediaKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The command line of {@link CapacityBenchmark}; {@link #USAGE} describes it. */
final class CapacityOptions {

    static final String USAGE = """
            CapacityBenchmark: how many subscribers of one kind the harness carries on this machine.

              On the embedded stack, alice publishes 320x180@15 with audio; per step, a fresh scenario:
              a window with alice alone, then N subscribers join at a steady pace, and once all render
              (and a settling time), one window is measured: per subscriber frame rate, freezes and
              (FULL) p95 video and audio latency from the markers; the JVM's CPU, RSS, heap and native
              threads, and per subscriber the CPU, RSS and threads beyond the alice-alone window. A
              baseline step first, in the same run: FULL subscribers with engines of their own (what
              every participant was before kinds), so the ratios show the saving.
              Targets: >= 60 FULL subscribers, every one >= 14 fps and worst p95 <= 150 ms;
                       >= 120 STATS_ONLY subscribers, every one >= 14 fps.

            options:
              --kind K                 full or stats-only (shared engine); required
              --steps N[,N...]         growing subscriber counts (default 20,40,60); stops at a miss
              --seconds N              measured window, in s (default 10)
              --settle-seconds N       once all render, before the window (default 3)
              --alone-seconds N        the alice-alone window of each step (default 3)
              --joins-per-second N     the pace subscribers join at (default 4)
              --media M                what subscribers take: audio+video (default) or video
              --baseline N             FULL subscribers with their own engines first; 0: none (default 20)
              --warmup N               an unmeasured step of N subscribers of the kind before all, so the
                                       JVM's start (class loading, JIT) is not measured; 0: none (default 5)
              --markdown FILE          also write the tables as Markdown to FILE
              --help                   this text

            exit status: 0 when every step ran (targets met or missed), 1 when a step failed to run,
            2 for a wrong command line.
            """;

    Audience audience;
    List<Integer> steps = List.of(20, 40, 60);
    int seconds = 10;
    int settleSeconds = 3;
    int aloneSeconds = 3;
    int joinsPerSecond = 4;
    Set<MediaKind> media = Set.of(MediaKind.AUDIO, MediaKind.VIDEO);
    int baseline = 20;
    int warmup = 5;
    Optional<Path> markdown = Optional.empty();
    boolean help;

    static CapacityOptions parse(String[] args) {
        CapacityOptions options = new CapacityOptions();
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
                case "--kind" -> options.audience = switch (value) {
                    case "full" -> new Audience(ParticipantKind.FULL, EngineUse.SHARED);
                    case "stats-only" -> new Audience(ParticipantKind.STATS_ONLY, EngineUse.SHARED);
                    default -> throw new IllegalArgumentException("--kind '" + value + "' is neither full nor stats-only");
                };
                case "--steps" -> options.steps = ascending(option, Arrays.stream(value.split(",")).map(String::trim)
                        .filter(item -> !item.isEmpty()).map(item -> CallBenchmark.Options.positive(option, item)).toList());
                case "--seconds" -> options.seconds = CallBenchmark.Options.positive(option, value);
                case "--settle-seconds" -> options.settleSeconds = nonNegative(option, value);
                case "--alone-seconds" -> options.aloneSeconds = CallBenchmark.Options.positive(option, value);
                case "--joins-per-second" -> options.joinsPerSecond = CallBenchmark.Options.positive(option, value);
                case "--media" -> options.media = switch (value) {
                    case "audio+video" -> Set.of(MediaKind.AUDIO, MediaKind.VIDEO);
                    case "video" -> Set.of(MediaKind.VIDEO);
                    default -> throw new IllegalArgumentException("--media '" + value + "' is neither audio+video nor video");
                };
                case "--baseline" -> options.baseline = nonNegative(option, value);
                case "--warmup" -> options.warmup = nonNegative(option, value);
                case "--markdown" -> options.markdown = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + option + " (--help lists them)");
            }
        }
        if (options.audience == null && !options.help) {
            throw new IllegalArgumentException("--kind is required: full or stats-only");
        }
        return options;
    }

    String mediaLabel() {
        return media.contains(MediaKind.AUDIO) ? "audio+video" : "video";
    }

    private static int nonNegative(String option, String value) {
        return value.equals("0") ? 0 : CallBenchmark.Options.positive(option, value);
    }

    /** Steps only grow: the run stops at the first step that misses, so a smaller one after it would never run. */
    private static List<Integer> ascending(String option, List<Integer> steps) {
        List<Integer> sorted = new ArrayList<>(steps);
        sorted.sort(Integer::compare);
        if (steps.isEmpty() || !sorted.equals(steps) || steps.stream().distinct().count() != steps.size()) {
            throw new IllegalArgumentException(option + " " + steps + " must be growing subscriber counts, e.g. 20,40,60");
        }
        return steps;
    }
}
