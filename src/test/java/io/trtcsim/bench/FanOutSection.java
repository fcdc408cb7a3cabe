package io.trtcsim.bench;

import io.trtcsim.stack.StackUnavailableException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second section: on each stack, fan-out steps of growing size until one misses the criteria
 * (that step is still printed) or fails to run, then the largest step that met them and whether
 * the targets hold.
 */
final class FanOutSection {

    /** The fan-out must reach this many subscribers, every one meeting the criteria... */
    static final int TARGET_SUBSCRIBERS = 40;
    /** ... with the simulator's own threads using at most this much CPU there. */
    static final double TARGET_SIMULATOR_CORES = 0.25;
    /** Rooms of the steps: each step has a fresh stack, but a distinct room costs nothing. */
    private static final long FIRST_ROOM = 9100;

    private final List<Integer> steps;
    private final int seconds;
    private final PrintStream progress;
    private final TextTable table = new TextTable(1, "stack", "subscribers", "min fps", "median fps",
            "worst p95 ms", "median p95 ms", "process CPU cores", "simulator CPU cores", "others' CPU cores",
            "RSS MB", "native threads", "first frame p50 ms", "first frame max ms", "setup s", "criteria");
    private final Map<String, List<String>> verdicts = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    private final boolean videoOnly;

    FanOutSection(List<Integer> steps, int seconds, boolean videoOnly, PrintStream progress) {
        this.steps = steps;
        this.seconds = seconds;
        this.videoOnly = videoOnly;
        this.progress = progress;
    }

    void run(List<String> stacks) {
        for (String stack : stacks) {
            verdicts.put(stack, run(stack));
        }
    }

    private List<String> run(String stack) {
        FanOut fanOut = new FanOut(stack, seconds, videoOnly);
        FanOutFigures largestMet = null;
        FanOutFigures atTarget = null;
        long room = FIRST_ROOM;
        for (int subscribers : steps) {
            progress.printf("fan-out: %s with %d subscribers ...%n", stack, subscribers);
            FanOutFigures step;
            try {
                step = fanOut.step(subscribers, room++);
            } catch (StackUnavailableException e) {
                return List.of(stack + ": could not run here (" + e.getMessage() + ")");
            } catch (RuntimeException | AssertionError e) {
                // AssertionError: the harness's waits fail with it (a subscriber without a first frame).
                failures.add(stack + " with " + subscribers + " subscribers: " + Format.firstLine(e));
                progress.printf("fan-out: %s with %d subscribers FAILED: %s%n", stack, subscribers, e);
                break;
            }
            table.add(videoOnly ? stack + " (video only)" : stack, String.valueOf(step.subscribers()), Format.decimal(step.minFps()),
                    Format.decimal(step.medianFps()), Format.millis(step.worstP95Millis()),
                    Format.millis(step.medianP95Millis()), Format.cores(step.processCores()),
                    Format.cores(step.simulatorCores()), Format.cores(step.otherCores()),
                    Format.whole(step.residentMegabytes()), String.valueOf(step.nativeThreads()),
                    Format.whole(step.firstFrameMedianMillis()), Format.whole(step.firstFrameMaxMillis()),
                    Format.decimal(step.setupSeconds()), step.meetsCriteria() ? "met" : "missed");
            progress.printf("fan-out: %s%n", step);
            if (step.subscribers() == TARGET_SUBSCRIBERS) {
                atTarget = step;
            }
            if (!step.meetsCriteria()) {
                break;
            }
            largestMet = step;
        }
        return verdicts(stack, largestMet, atTarget);
    }

    private static List<String> verdicts(String stack, FanOutFigures largestMet, FanOutFigures atTarget) {
        List<String> lines = new ArrayList<>();
        lines.add(stack + ": largest step meeting the criteria (every subscriber >= " + Format.whole(FanOutFigures.MIN_FPS)
                + " fps, worst p95 <= " + Format.whole(FanOutFigures.MAX_P95_MILLIS) + " ms): "
                + (largestMet == null ? "none" : largestMet.subscribers() + " subscribers"));
        boolean enough = largestMet != null && largestMet.subscribers() >= TARGET_SUBSCRIBERS;
        lines.add(stack + ": target >= " + TARGET_SUBSCRIBERS + " subscribers meeting the criteria: "
                + (enough ? "met" : "target missed"));
        String cpu;
        if (!stack.equals("embedded")) {
            cpu = "n/a (the stack runs outside this JVM)";
        } else if (atTarget == null) {
            cpu = "not measured (the fan-out stopped before a step of " + TARGET_SUBSCRIBERS + " subscribers)";
        } else {
            cpu = (atTarget.simulatorCores() <= TARGET_SIMULATOR_CORES ? "met" : "target missed") + " ("
                    + Format.cores(atTarget.simulatorCores()) + " core)";
        }
        lines.add(stack + ": target simulator CPU <= " + TARGET_SIMULATOR_CORES + " core at " + TARGET_SUBSCRIBERS
                + " subscribers: " + cpu);
        return lines;
    }

    boolean failed() {
        return !failures.isEmpty();
    }

    String text() {
        StringBuilder text = new StringBuilder(String.format(
                "Fan-out: one publisher at %s, subscribers added one at a time, %d s measured once all render"
                        + " (one fresh scenario per step)%n%n", FanOut.PROFILE, seconds));
        text.append(table.isEmpty() ? "no step ran\n" : table.text()).append('\n');
        notes().forEach(note -> text.append(note).append('\n'));
        return text.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("## Fan-out\n\n");
        md.append(String.format("One publisher at %s (audio and video), subscribers joining one at a time, each "
                + (videoOnly ? "subscribing to the video alone (subscribe(stream, {audio: false})) and playing it; "
                : "subscribing and playing on stream-added/stream-subscribed; ") + "%d s measured once every subscriber "
                + "renders; one fresh scenario per step. CPU in cores over the window: the whole JVM (every "
                + "participant's libwebrtc engine included), the simulator's own threads (`sfu-*`, "
                + "`JettyServerThreadPool-*`), other processes of the machine. RSS and native threads at the "
                + "window's end.%n%n", FanOut.PROFILE, seconds));
        md.append(table.isEmpty() ? "No step ran.\n" : table.markdown()).append('\n');
        notes().forEach(note -> md.append("- ").append(note).append('\n'));
        return md.toString();
    }

    private List<String> notes() {
        List<String> notes = new ArrayList<>();
        failures.forEach(failure -> notes.add("FAILED: " + failure));
        verdicts.values().forEach(notes::addAll);
        return notes;
    }
}
