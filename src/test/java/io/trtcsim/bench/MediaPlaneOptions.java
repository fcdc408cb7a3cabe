package io.trtcsim.bench;

import io.trtcsim.media.VideoProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@link MediaPlaneBenchmark}; --help prints its usage. */
@Command(name = "MediaPlaneBenchmark", sortOptions = false, usageHelpAutoWidth = true,
        description = {"The media plane of the stacks side by side, in one run.", "",
                "1. latency: per video profile, alice -> bob over the 'direct' path (two peer connections in this JVM,"
                        + " no stack), 'embedded' (the in-process simulator) and 'janus' (when it can run here); video"
                        + " and audio latency p50/p95, first frame after subscribe, fps; then the embedded/direct ratios"
                        + " against the targets (video p50 <= 1.15x, audio p50 <= 1.2x).", "",
                "2. fan-out: one publisher at 320x180@15 and a growing number of subscribers, one fresh scenario per"
                        + " step, until a step misses (a subscriber below 14 fps or a p95 video latency above 150 ms);"
                        + " per step fps, latency, CPU (process and simulator), RSS, native threads; targets: >= 40"
                        + " subscribers meeting both, simulator CPU <= 0.25 core at 40.", ""},
        footer = {"", "Exit status: 0 when everything ran (targets missed or not), 1 when a path or a step failed to"
                + " run, 2 for a wrong command line."})
final class MediaPlaneOptions implements BenchmarkCommandLine.Options {

    static final List<String> SECTIONS = List.of("latency", "fanout");
    static final List<String> FANOUT_STACKS = List.of("embedded", "janus");

    @Option(names = "--profiles", paramLabel = "P", split = ",", defaultValue = "320x180@15,640x360@30",
            converter = OptionValues.Profile.class,
            description = "video profiles of the latency section, WIDTHxHEIGHT@FPS (default ${DEFAULT-VALUE})")
    List<VideoProfile> profiles;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "10", converter = OptionValues.PositiveWhole.class,
            description = "latency window after the first frame, in s (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup-seconds", paramLabel = "N", defaultValue = "3",
            converter = OptionValues.NonNegativeWhole.class,
            description = "one unmeasured call over direct and embedded first, so the JVM's one-time start-up (class"
                    + " loading, JIT, jitsi-srtp's AES benchmark) is not measured; 0: none (default ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--fanout-stacks", paramLabel = "S", split = ",", defaultValue = "embedded",
            converter = FanoutStack.class,
            description = "stacks of the fan-out section: embedded, janus (default ${DEFAULT-VALUE})")
    List<String> fanoutStacks;

    @Option(names = "--steps", paramLabel = "N", split = ",", defaultValue = "10,20,30,40,50",
            converter = OptionValues.PositiveWhole.class,
            description = "subscriber counts of the fan-out steps (default ${DEFAULT-VALUE})")
    List<Integer> steps;

    @Option(names = "--fanout-seconds", paramLabel = "N", defaultValue = "8", converter = OptionValues.PositiveWhole.class,
            description = "fan-out window once every subscriber renders, in s (default ${DEFAULT-VALUE})")
    int fanoutSeconds;

    @Option(names = "--fanout-media", paramLabel = "M", defaultValue = "audio+video",
            converter = SubscriberMedia.Converter.class,
            description = "what the subscribers take: audio+video (default) or video")
    SubscriberMedia fanoutMedia;

    @Option(names = "--sections", paramLabel = "S", split = ",", defaultValue = "latency,fanout",
            converter = Section.class, description = "latency, fanout (default both)")
    Set<String> sections;

    @Option(names = "--markdown", paramLabel = "FILE", description = "also write the tables as Markdown to FILE")
    Optional<Path> markdown = Optional.empty();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    boolean help;

    static MediaPlaneOptions parse(String[] args) {
        return BenchmarkCommandLine.parse(new MediaPlaneOptions(), args);
    }

    @Override
    public void validate(CommandLine commandLine) {
        OptionValues.requireGrowing(commandLine, "--steps", steps, "10,20,30");
        OptionValues.requireSome(commandLine, "--fanout-stacks", fanoutStacks, FANOUT_STACKS);
        OptionValues.requireSome(commandLine, "--sections", sections, SECTIONS);
    }

    boolean runs(String section) {
        return sections.contains(section);
    }

    static final class FanoutStack extends OptionValues.OneOf {
        FanoutStack() {
            super(FANOUT_STACKS);
        }
    }

    static final class Section extends OptionValues.OneOf {
        Section() {
            super(SECTIONS);
        }
    }
}
