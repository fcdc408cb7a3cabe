package io.trtcsim.bench;

import io.trtcsim.harness.HarnessConfig;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.media.VideoProfile;
import io.trtcsim.stack.StackUnavailableException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first section: per video profile, the same one-way call over each path (peer to peer, then
 * through each stack), one after the other in this JVM, then each stack's latency as a multiple
 * of the direct path's measured in the same run. A stack that cannot run here is named and left
 * out; a path that fails is named and makes the run fail.
 */
final class LatencySection {

    static final List<String> STACKS = List.of("embedded", "janus");
    /** The embedded simulator forwards packets: it may add at most 15 % to the direct path's video latency... */
    static final double VIDEO_TARGET = 1.15;
    /** ... and 20 % to its audio latency (p50 both). */
    static final double AUDIO_TARGET = 1.2;

    private final int seconds;
    private final int warmupSeconds;
    private final PrintStream progress;
    private final TextTable figures = new TextTable(2, "profile", "path", "video p50 ms", "video p95 ms",
            "audio p50 ms", "audio p95 ms", "first frame ms", "fps", "frames lost", "freezes", "audio gaps",
            "others' CPU cores");
    private final TextTable ratios = new TextTable(2, "profile", "path", "video p50 / direct", "audio p50 / direct",
            "targets");
    private final Map<String, String> unavailable = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> missed = new LinkedHashSet<>();

    LatencySection(int seconds, int warmupSeconds, PrintStream progress) {
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.progress = progress;
    }

    void run(List<VideoProfile> profiles) {
        if (warmupSeconds > 0) {
            warmUp(profiles.get(0));
        }
        for (VideoProfile profile : profiles) {
            Map<String, LatencyFigures> byPath = new LinkedHashMap<>();
            measure(profile, "direct", () -> {
                try (DirectCall call = new DirectCall(profile)) {
                    return call.measure(seconds);
                }
            }).ifPresent(f -> byPath.put(f.path(), f));
            for (String stack : STACKS) {
                if (unavailable.containsKey(stack)) {
                    continue;
                }
                measure(profile, stack, () -> {
                    try (ScenarioContext scenario = ScenarioContext.with(HarnessConfig.load().with("harness.stack", stack))) {
                        CallBenchmark.MeasuredCall call = CallBenchmark.measureBasicCall(scenario, profile, seconds, 0);
                        return LatencyFigures.of(stack, call.window(), call.figures().firstFrameMillis());
                    }
                }).ifPresent(f -> byPath.put(f.path(), f));
            }
            compare(profile, byPath);
        }
    }

    /**
     * One unmeasured call over the paths that live in this JVM, so that the first measured one does
     * not pay for what a JVM does once: loading and compiling classes, and, for the embedded
     * simulator, jitsi-srtp's start-up (it benchmarks its AES implementations, seconds on this
     * machine, while the first subscriber waits for its first frame). Failures here are left to
     * the measured calls to report.
     */
    private void warmUp(VideoProfile profile) {
        progress.printf("latency: warming up (direct and embedded, %d s each, not measured) ...%n", warmupSeconds);
        try (DirectCall call = new DirectCall(profile)) {
            call.measure(warmupSeconds);
        } catch (RuntimeException | AssertionError e) {
            progress.printf("latency: warm-up over direct failed: %s%n", e);
        }
        try (ScenarioContext scenario = ScenarioContext.with(HarnessConfig.load().with("harness.stack", "embedded"))) {
            CallBenchmark.measureBasicCall(scenario, profile, warmupSeconds, 0);
        } catch (RuntimeException | AssertionError e) {
            progress.printf("latency: warm-up over embedded failed: %s%n", e);
        }
    }

    /** One call over one path, set up, measured and torn down. */
    private interface Call {
        LatencyFigures measure();
    }

    private Optional<LatencyFigures> measure(VideoProfile profile, String path, Call call) {
        progress.printf("latency: %s over %s ...%n", profile, path);
        ProcessLoad before = ProcessLoad.now();
        try {
            LatencyFigures result = call.measure();
            double others = ProcessLoad.now().otherCoresSince(before);
            figures.add(profile.toString(), path, Format.millis(result.videoLatencyP50Millis()),
                    Format.millis(result.videoLatencyP95Millis()), Format.millis(result.audioLatencyP50Millis()),
                    Format.millis(result.audioLatencyP95Millis()), Format.whole(result.firstFrameMillis()),
                    Format.decimal(result.fps()), String.valueOf(result.framesLost()), String.valueOf(result.freezes()),
                    String.valueOf(result.audioGaps()), Format.cores(others));
            progress.printf("latency: %s over %s: %s%n", profile, path, result);
            return Optional.of(result);
        } catch (StackUnavailableException e) {
            unavailable.put(path, e.getMessage());
            progress.printf("latency: %s cannot run here: %s%n", path, e.getMessage());
        } catch (RuntimeException | AssertionError e) {
            // AssertionError: the harness's waits fail with it (Participant, Expectations).
            failures.add(profile + " over " + path + ": " + Format.firstLine(e));
            progress.printf("latency: %s over %s FAILED: %s%n", profile, path, e);
        }
        return Optional.empty();
    }

    private void compare(VideoProfile profile, Map<String, LatencyFigures> byPath) {
        LatencyFigures direct = byPath.get("direct");
        if (direct == null) {
            missed.add("no direct baseline at " + profile + " to compare with");
            return;
        }
        for (LatencyFigures path : byPath.values()) {
            if (path == direct) {
                continue;
            }
            double video = path.videoLatencyP50Millis() / direct.videoLatencyP50Millis();
            double audio = path.audioLatencyP50Millis() / direct.audioLatencyP50Millis();
            String targets = "(no target)";
            if (path.path().equals("embedded")) {
                boolean videoMet = video <= VIDEO_TARGET;
                boolean audioMet = audio <= AUDIO_TARGET;
                targets = "video <= " + VIDEO_TARGET + "x: " + (videoMet ? "met" : "target missed")
                        + "; audio <= " + AUDIO_TARGET + "x: " + (audioMet ? "met" : "target missed");
                if (!videoMet) {
                    missed.add("embedded video p50 at " + profile + " is " + Format.ratio(video) + "x direct");
                }
                if (!audioMet) {
                    missed.add("embedded audio p50 at " + profile + " is " + Format.ratio(audio) + "x direct");
                }
            }
            ratios.add(profile.toString(), path.path(), Format.ratio(video), Format.ratio(audio), targets);
        }
        if (!byPath.containsKey("embedded")) {
            missed.add("no embedded figures at " + profile + " to hold against the targets");
        }
    }

    boolean failed() {
        return !failures.isEmpty();
    }

    String text() {
        StringBuilder text = new StringBuilder(String.format(
                "Latency: alice -> bob, %d s after the first frame, per path (direct: two peer connections in one JVM,"
                        + " no stack; first frame counted from the offer)%s%n%n", seconds, warmupNote()));
        text.append(figures.text()).append('\n').append(ratios.text()).append('\n');
        notes().forEach(note -> text.append(note).append('\n'));
        return text.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("## Latency: direct, embedded, janus\n\n");
        md.append(String.format("alice publishes, bob subscribes and plays; %d s measured after bob's first frame. "
                + "`direct` is two peer connections in one JVM (two libwebrtc engines, offer and answer handed over "
                + "directly), its first frame counted from the offer; the others' from bob's subscribe%s.%n%n", seconds,
                warmupNote()));
        md.append(figures.markdown()).append('\n').append(ratios.markdown()).append('\n');
        notes().forEach(note -> md.append("- ").append(note).append('\n'));
        return md.toString();
    }

    private String warmupNote() {
        return warmupSeconds > 0 ? "; after an unmeasured warm-up call of " + warmupSeconds + " s over direct and embedded"
                : "; no warm-up: the first path of the run pays the JVM's start-up";
    }

    private List<String> notes() {
        List<String> notes = new ArrayList<>();
        unavailable.forEach((stack, reason) -> notes.add(stack + ": could not run here (" + reason + ")"));
        failures.forEach(failure -> notes.add("FAILED: " + failure));
        notes.add("latency targets (embedded p50 <= " + VIDEO_TARGET + "x direct for video, <= " + AUDIO_TARGET
                + "x for audio): " + (missed.isEmpty() ? "met" : "target missed: " + String.join("; ", missed)));
        return notes;
    }
}
