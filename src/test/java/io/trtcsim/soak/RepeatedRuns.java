package io.trtcsim.soak;

import io.trtcsim.soak.ScenarioOutcome.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runs of the feature suite on one stack, in order (run 1 first): how each ended, and every
 * scenario that failed in any of them with the runs it failed in.
 */
record RepeatedRuns(String stack, List<JunitReport> runs) {

    private static final Pattern RUN_FILE = Pattern.compile("run-(\\d+)\\.xml");

    RepeatedRuns {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs of stack " + stack);
        }
        runs = List.copyOf(runs);
    }

    /** The runs in {@code folder} (run-1.xml, run-2.xml, ... as scripts/repeat-features.sh leaves them), named after it. */
    static RepeatedRuns inFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no folder " + folder + " (expected run-<i>.xml files of one stack there)");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> runFiles = files.filter(file -> RUN_FILE.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(RepeatedRuns::runNumber))
                    .toList();
            if (runFiles.isEmpty()) {
                throw new IllegalArgumentException("no run-<i>.xml file in " + folder);
            }
            return new RepeatedRuns(folder.getFileName().toString(), runFiles.stream().map(JunitReport::read).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static int runNumber(Path file) {
        Matcher matcher = RUN_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a run file: " + file);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Every scenario that failed at least once, in the order first seen, with the runs (from 1) it failed in. */
    Map<String, TreeSet<Integer>> failedScenarios() {
        Map<String, TreeSet<Integer>> failed = new LinkedHashMap<>();
        for (int run = 0; run < runs.size(); run++) {
            for (ScenarioOutcome scenario : runs.get(run).scenarios()) {
                if (scenario.outcome() == Outcome.FAILED) {
                    failed.computeIfAbsent(scenario.title(), title -> new TreeSet<>()).add(run + 1);
                }
            }
        }
        return failed;
    }

    /** Whether a scenario failed in any run, or a run had no scenarios at all (a run that broke before it began). */
    boolean anyRunFailed() {
        return runs.stream().anyMatch(run -> run.count(Outcome.FAILED) > 0 || run.scenarios().isEmpty());
    }

    List<String> textLines() {
        List<String> lines = new ArrayList<>();
        lines.add("stack " + stack + ": " + runs.size() + " runs");
        for (int run = 0; run < runs.size(); run++) {
            lines.add("  run " + (run + 1) + ": " + runs.get(run).counts());
        }
        Map<String, TreeSet<Integer>> failed = failedScenarios();
        if (failed.isEmpty()) {
            lines.add("  no scenario failed in any run");
        }
        failed.forEach((scenario, inRuns) -> lines.add("  failed in " + inRuns.size() + " of " + runs.size()
                + " runs " + inRuns + ": " + scenario));
        return lines;
    }

    List<String> markdownLines() {
        List<String> lines = new ArrayList<>();
        lines.add("### " + stack + ", " + runs.size() + " runs");
        lines.add("");
        lines.add("| run | scenarios | passed | failed | skipped |");
        lines.add("|---:|---:|---:|---:|---:|");
        for (int run = 0; run < runs.size(); run++) {
            JunitReport report = runs.get(run);
            lines.add("| " + (run + 1) + " | " + report.scenarios().size() + " | " + report.count(Outcome.PASSED) + " | "
                    + report.count(Outcome.FAILED) + " | " + report.count(Outcome.SKIPPED) + " |");
        }
        lines.add("");
        Map<String, TreeSet<Integer>> failed = failedScenarios();
        if (failed.isEmpty()) {
            lines.add("No scenario failed in any run.");
        } else {
            lines.add("| scenario that failed | failed in runs |");
            lines.add("|---|---|");
            failed.forEach((scenario, inRuns) -> lines.add("| " + scenario.replace("|", "\\|") + " | "
                    + inRuns.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow() + " |"));
        }
        lines.add("");
        return lines;
    }
}
