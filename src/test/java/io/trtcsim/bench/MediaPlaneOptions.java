package io.trtcsim.bench;

import io.trtcsim.media.VideoProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The command line of {@link MediaPlaneBenchmark}; {@link #USAGE} describes it. */
final class MediaPlaneOptions {

    static final String USAGE = """
            MediaPlaneBenchmark: the media plane of the stacks side by side, in one run.

              1. latency: per video profile, alice -> bob over the 'direct' path (two peer connections in
                 this JVM, no stack), 'embedded' (the in-process simulator) and 'janus' (when it can run
                 here); video and audio latency p50/p95, first frame after subscribe, fps; then the
                 embedded/direct ratios against the targets (video p50 <= 1.15x, audio p50 <= 1.2x).
              2. fan-out: one publisher at 320x180@15 and a growing number of subscribers, one fresh
                 scenario per step, until a step misses (a subscriber below 14 fps or a p95 video
                 latency above 150 ms); per step fps, latency, CPU (process and simulator), RSS,
                 native threads; targets: >= 40 subscribers meeting both, simulator CPU <= 0.25 core at 40.

            options:
              --profiles P[,P...]      video profiles of the latency section, WIDTHxHEIGHT@FPS
                                       (default 320x180@15,640x360@30)
              --seconds N              latency window after the first frame, in s (default 10)
              --warmup-seconds N       one unmeasured call over direct and embedded first, so the
                                       JVM's one-time start-up (class loading, JIT, jitsi-srtp's
                                       AES benchmark) is not measured; 0: none (default 3)
              --fanout-stacks S[,S]    stacks of the fan-out section: embedded, janus (default embedded)
              --steps N[,N...]         subscriber counts of the fan-out steps (default 10,20,30,40,50)
              --fanout-seconds N       fan-out window once every subscriber renders, in s (default 8)
              --fanout-media M         what the subscribers take: audio+video (default) or video
              --sections S[,S]         latency, fanout (default both)
              --markdown FILE          also write the tables as Markdown to FILE
              --help                   this text

            exit status: 0 when everything ran (targets missed or not), 1 when a path or a step failed
            to run, 2 for a wrong command line.
            """;

    private static final Set<String> SECTIONS = Set.of("latency", "fanout");
    private static final Set<String> FANOUT_STACKS = Set.of("embedded", "janus");

    List<VideoProfile> profiles = List.of(new VideoProfile(320, 180, 15), new VideoProfile(640, 360, 30));
    int seconds = 10;
    int warmupSeconds = 3;
    List<String> fanoutStacks = List.of("embedded");
    List<Integer> steps = List.of(10, 20, 30, 40, 50);
    int fanoutSeconds = 8;
    boolean fanoutVideoOnly;
    Set<String> sections = SECTIONS;
    Optional<Path> markdown = Optional.empty();
    boolean help;

    static MediaPlaneOptions parse(String[] args) {
        MediaPlaneOptions options = new MediaPlaneOptions();
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
                case "--profiles" -> options.profiles = items(value).stream()
                        .map(text -> CallBenchmark.Options.parseProfile(option, text)).toList();
                case "--seconds" -> options.seconds = CallBenchmark.Options.positive(option, value);
                case "--warmup-seconds" -> options.warmupSeconds = nonNegative(option, value);
                case "--fanout-stacks" -> options.fanoutStacks = known(option, value, FANOUT_STACKS);
                case "--steps" -> options.steps = ascending(option, items(value).stream()
                        .map(text -> CallBenchmark.Options.positive(option, text)).toList());
                case "--fanout-seconds" -> options.fanoutSeconds = CallBenchmark.Options.positive(option, value);
                case "--fanout-media" -> options.fanoutVideoOnly = switch (value) {
                    case "video" -> true;
                    case "audio+video" -> false;
                    default -> throw new IllegalArgumentException("--fanout-media '" + value + "' is neither audio+video nor video");
                };
                case "--sections" -> options.sections = Set.copyOf(known(option, value, SECTIONS));
                case "--markdown" -> options.markdown = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + option + " (--help lists them)");
            }
        }
        return options;
    }

    boolean runs(String section) {
        return sections.contains(section);
    }

    private static int nonNegative(String option, String value) {
        return value.equals("0") ? 0 : CallBenchmark.Options.positive(option, value);
    }

    private static List<String> items(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static List<String> known(String option, String value, Set<String> allowed) {
        List<String> chosen = items(value);
        for (String item : chosen) {
            if (!allowed.contains(item)) {
                throw new IllegalArgumentException(option + ": '" + item + "' is not one of " + allowed);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(option + " needs at least one of " + allowed);
        }
        return chosen;
    }

    /** Steps only grow: the fan-out stops at the first step that misses, so a smaller one after it would never run. */
    private static List<Integer> ascending(String option, List<Integer> steps) {
        List<Integer> sorted = new ArrayList<>(steps);
        sorted.sort(Integer::compare);
        if (steps.isEmpty() || !sorted.equals(steps) || steps.stream().distinct().count() != steps.size()) {
            throw new IllegalArgumentException(option + " " + steps + " must be growing subscriber counts, e.g. 10,20,30");
        }
        return steps;
    }
}
