package io.trtcsim.load;

import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A load run as one Allure test result, written by Allure's own model and writer into a results
 * folder, so that {@code allure generate} puts it in the same report as the features (several
 * shards' folders merge there by themselves). Its status is the run's verdict: passed, failed (a
 * threshold missed, a participant that could not join) or broken (interrupted). Each threshold is
 * a step; the report page, its plots, the JSON and the CSV files are attachments.
 */
public final class AllureLoadResult {

    private AllureLoadResult() {
    }

    public static void write(LoadReport report, LoadReportFiles files, Path resultsFolder) {
        try {
            Files.createDirectories(resultsFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Allure results folder " + resultsFolder, e);
        }
        FileSystemResultsWriter writer = new FileSystemResultsWriter(resultsFolder);
        ShardRun first = report.shards().get(0);
        long start = report.shards().stream().mapToLong(ShardRun::startedEpochMillis).min().orElseThrow();
        long stop = report.shards().stream().mapToLong(s -> s.startedEpochMillis() + Math.round(s.ranSeconds() * 1000))
                .max().orElseThrow();
        String name = name(report, first);
        TestResult result = new TestResult()
                .setUuid(UUID.randomUUID().toString())
                .setHistoryId(ResultsUtils.md5("load " + name))
                .setTestCaseId(ResultsUtils.md5("load " + name))
                .setName(name)
                .setFullName("load run: " + name)
                .setStage(Stage.FINISHED)
                .setStart(start)
                .setStop(stop)
                .setStatus(status(report))
                .setLabels(List.of(ResultsUtils.createParentSuiteLabel("Load runs"),
                        ResultsUtils.createSuiteLabel(first.stack()), ResultsUtils.createFeatureLabel("Load runs"),
                        ResultsUtils.createTagLabel("load"), ResultsUtils.createHostLabel(),
                        ResultsUtils.createFrameworkLabel("trtc-load-test"), ResultsUtils.createLanguageLabel("java")))
                .setParameters(parameters(report, first))
                .setSteps(steps(report, start, stop))
                .setAttachments(attachments(writer, files));
        if (!report.passed()) {
            result.setStatusDetails(new StatusDetails().setMessage(String.join("\n", report.whyNotPassed())));
        }
        writer.write(result);
    }

    /** "1 room × 1 publisher, 4 subscribers, 0 audience at 320x180@15, 20 s, 2 shards": the same plan keeps its history. */
    private static String name(LoadReport report, ShardRun first) {
        long rooms = report.shards().stream().mapToLong(s -> s.rooms().size()).sum();
        return String.format(Locale.ROOT, "%d room%s × %d publisher%s, %d subscriber%s, %d audience at %s, %s s%s", rooms,
                rooms == 1 ? "" : "s", first.publishersPerRoom(), first.publishersPerRoom() == 1 ? "" : "s",
                first.subscribersPerRoom(), first.subscribersPerRoom() == 1 ? "" : "s", first.audiencePerRoom(),
                first.video(), LoadPlan.trim(first.durationSeconds()),
                shards(report, first));
    }

    /**
     * Which part of the run the result is: nothing for a run of one shard, "shard 2 of 4" for one
     * shard's own result (so shards writing into one results folder stay apart, not retries of one
     * test), "4 shards" for their merge.
     */
    private static String shards(LoadReport report, ShardRun first) {
        if (report.shards().size() == 1) {
            return first.shardCount() == 1 ? "" : ", shard " + (first.shardIndex() + 1) + " of " + first.shardCount();
        }
        return ", " + report.shards().size() + " shards";
    }

    private static Status status(LoadReport report) {
        if (report.shards().stream().anyMatch(s -> s.end() == RunEnd.INTERRUPTED)) {
            return Status.BROKEN;
        }
        return report.passed() ? Status.PASSED : Status.FAILED;
    }

    private static List<Parameter> parameters(LoadReport report, ShardRun first) {
        return List.of(ResultsUtils.createParameter("stack", first.stack()),
                ResultsUtils.createParameter("shards", report.shards().stream().map(s -> s.shardIndex() + " of " + s.shardCount())
                        .toList()),
                ResultsUtils.createParameter("rooms", report.shards().stream().map(s -> s.rooms().toString()).toList()),
                ResultsUtils.createParameter("ramp rate (participants/s)", LoadPlan.trim(first.rampPerSecond())),
                ResultsUtils.createParameter("subscriber kind", first.subscriberKind()),
                ResultsUtils.createParameter("participants joined", report.participants().size() + " of "
                        + report.shards().stream().mapToInt(ShardRun::planned).sum()));
    }

    private static List<StepResult> steps(LoadReport report, long start, long stop) {
        List<StepResult> steps = new ArrayList<>();
        for (Verdict verdict : report.verdicts()) {
            steps.add(new StepResult().setName(verdict.describe()).setStatus(verdict.met() ? Status.PASSED : Status.FAILED)
                    .setStage(Stage.FINISHED).setStart(start).setStop(stop));
        }
        if (!report.failures().isEmpty()) {
            steps.add(new StepResult().setName(report.failures().size() + " failure(s)").setStatus(Status.FAILED)
                    .setStage(Stage.FINISHED).setStart(start).setStop(stop)
                    .setStatusDetails(new StatusDetails().setMessage(String.join("\n", report.failures()))));
        }
        return steps;
    }

    private static List<Attachment> attachments(FileSystemResultsWriter writer, LoadReportFiles files) {
        List<Attachment> attachments = new ArrayList<>();
        attachments.add(attach(writer, "load report", "text/html", "html", read(files.html())));
        for (Map.Entry<String, byte[]> chart : files.charts().entrySet()) {
            attachments.add(attach(writer, chart.getKey(), "image/png", "png", chart.getValue()));
        }
        attachments.add(attach(writer, LoadReportFiles.JSON, "application/json", "json", read(files.json())));
        attachments.add(attach(writer, LoadReportFiles.SAMPLES_CSV, "text/csv", "csv", read(files.samplesCsv())));
        attachments.add(attach(writer, LoadReportFiles.STREAMS_CSV, "text/csv", "csv", read(files.streamsCsv())));
        return attachments;
    }

    private static Attachment attach(FileSystemResultsWriter writer, String name, String type, String extension, byte[] data) {
        // Allure finds an attachment by its file name in the results folder: unique, with the extension of its type.
        String source = UUID.randomUUID() + "-attachment." + extension;
        writer.write(source, new ByteArrayInputStream(data));
        return new Attachment().setName(name).setType(type).setSource(source);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
