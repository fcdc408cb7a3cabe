package io.trtcsim.soak;

import java.util.ArrayList;
import java.util.List;

/**
 * How a soak run ended: its scenarios, each figure at the start and the end against its tolerance,
 * and the non-daemon threads left alive. It passed when no scenario failed, every figure stayed
 * flat and no thread lingered.
 */
record SoakVerdict(JunitReport warmUp, SoakTally measured, ProcessFigures start, ProcessFigures end,
                   List<Tolerance.Check> checks, List<String> lingeringThreads) {

    boolean passed() {
        return warmUp.count(ScenarioOutcome.Outcome.FAILED) == 0 && measured.failed() == 0
                && checks.stream().allMatch(Tolerance.Check::flat) && lingeringThreads.isEmpty();
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("soak: warm-up loop: " + warmUp.counts());
        lines.add("soak: " + measured.loops() + " measured loops: " + measured.line());
        lines.add("soak: start (after the warm-up loop): " + start.line());
        lines.add("soak: end:                            " + end.line());
        checks.forEach(check -> lines.add("soak:   " + check.line()));
        List<String> grown = end.threadNames().grownSince(start.threadNames());
        if (!grown.isEmpty()) {
            lines.add("soak: native threads that grew, by name: " + String.join(", ", grown));
        }
        if (lingeringThreads.isEmpty()) {
            lines.add("soak: no non-daemon thread left besides the runner");
        } else {
            lines.add("soak: " + lingeringThreads.size() + " non-daemon threads still alive (they would keep the JVM from ending):");
            lingeringThreads.forEach(thread -> lines.add("soak:   " + thread));
        }
        lines.add("soak: " + (passed() ? "PASSED" : "FAILED"));
        return lines;
    }

    List<String> markdownLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Soak run: warm-up loop " + warmUp.counts() + "; " + measured.loops() + " measured loops, "
                + measured.line() + ".");
        lines.add("");
        lines.add("| figure | start | end | growth | tolerance | flat |");
        lines.add("|---|---:|---:|---:|---|---|");
        for (Tolerance.Check check : checks) {
            String unit = check.tolerance().figure().unit;
            lines.add("| " + check.tolerance().figure().label + " | " + check.start() + unit + " | " + check.end() + unit
                    + " | " + (check.end() - check.start()) + " | " + check.tolerance().describe() + (check.known() == 0 ? "" : " and +" + check.known() + unit + " " + check.why()) + " | "
                    + (check.flat() ? "yes" : "**no**") + " |");
        }
        List<String> grown = end.threadNames().grownSince(start.threadNames());
        if (!grown.isEmpty()) {
            lines.add("");
            lines.add("Native threads that grew, by name: " + String.join(", ", grown) + ".");
        }
        lines.add("");
        lines.add(lingeringThreads.isEmpty() ? "No non-daemon thread left at the end."
                : "Non-daemon threads left at the end: " + String.join("; ", lingeringThreads) + ".");
        lines.add("");
        lines.add("Verdict: " + (passed() ? "passed" : "failed") + ".");
        return lines;
    }
}
