package io.trtcsim.load;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code load-test merge}: the shards' reports of one run as one report. */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = LoadTest.Version.class, sortOptions = false, showDefaultValues = true, usageHelpAutoWidth = true,
        description = {"Merges the load reports of a run's shards (each shard's output folder or its load-report.json)"
                + " into one HTML/JSON/CSV report, judged by the thresholds given here or, without any, by those the"
                + " shards ran with. Their Allure results need no merge: give every shard's allure-results folder to"
                + " 'allure generate' (scripts/allure-report.sh).",
                "Exit status: 0 passed, 1 a threshold missed, a failure or a shard missing or interrupted, 2 bad input.", ""})
final class MergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHARD", arity = "1..*",
            description = "A shard's output folder (holding load-report.json) or the JSON file itself.")
    private List<Path> shards;

    @Option(names = "--out", paramLabel = "FOLDER", defaultValue = "reports/load-merged",
            description = "Where the merged report goes.")
    private Path out;

    @Option(names = "--allure-results", paramLabel = "FOLDER",
            description = "Also write the merged run as one Allure result there. Default: none (the shards wrote theirs).")
    private Path allureResults;

    @Mixin
    private ThresholdOptions thresholdOptions;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        LoadReport merged;
        try {
            merged = LoadMerge.merge(LoadMerge.read(shards), thresholdOptions.thresholds());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        LoadReportFiles files = LoadReportFiles.write(merged, out);
        if (allureResults != null) {
            AllureLoadResult.write(merged, files, allureResults);
        }
        console.println("merged shards " + LoadMerge.describeShards(merged) + ": " + merged.participants().size()
                + " participants joined");
        LoadSummaryLines.print(merged, console);
        console.println("report: " + files.html() + " (with " + LoadReportFiles.JSON + ", " + LoadReportFiles.SAMPLES_CSV
                + ", " + LoadReportFiles.STREAMS_CSV + ")");
        console.flush();
        return ExitStatus.of(merged).code();
    }
}
