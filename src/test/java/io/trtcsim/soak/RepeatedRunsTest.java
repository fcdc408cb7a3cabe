package io.trtcsim.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatedRunsTest {

    private static final String ALL_PASSED = """
            <testsuite>
            <testcase classname="Basic call" name="Alice calls Bob"/>
            <testcase classname="Mute" name="Alice mutes her audio"/>
            </testsuite>
            """;

    private static String failing(String scenario) {
        return ALL_PASSED.replace("name=\"" + scenario + "\"/>",
                "name=\"" + scenario + "\"><failure message=\"no\" type=\"java.lang.AssertionError\"/></testcase>");
    }

    @TempDir
    Path reports;

    private Path stack(String name, String... runs) throws IOException {
        Path folder = Files.createDirectories(reports.resolve(name));
        for (int i = 0; i < runs.length; i++) {
            Files.writeString(folder.resolve("run-" + (i + 1) + ".xml"), runs[i]);
        }
        return folder;
    }

    @Test
    void namesEveryScenarioThatFailedWithTheRunsItFailedIn() throws IOException {
        // Eleven runs: run-10 and run-11 must come after run-2, not between run-1 and run-2.
        String[] runs = new String[11];
        java.util.Arrays.fill(runs, ALL_PASSED);
        runs[1] = failing("Alice mutes her audio");
        runs[9] = failing("Alice mutes her audio");
        runs[10] = failing("Alice calls Bob");
        RepeatedRuns repeated = RepeatedRuns.inFolder(stack("embedded", runs));

        assertThat(repeated.stack()).isEqualTo("embedded");
        assertThat(repeated.failedScenarios()).containsOnlyKeys("Mute: Alice mutes her audio", "Basic call: Alice calls Bob");
        assertThat(repeated.failedScenarios().get("Mute: Alice mutes her audio")).containsExactly(2, 10);
        assertThat(repeated.failedScenarios().get("Basic call: Alice calls Bob")).containsExactly(11);
        assertThat(repeated.anyRunFailed()).isTrue();
        assertThat(repeated.textLines()).contains("  run 2: 2 run: 1 passed, 1 failed, 0 skipped",
                "  failed in 2 of 11 runs [2, 10]: Mute: Alice mutes her audio");
        assertThat(repeated.markdownLines()).contains("| Mute: Alice mutes her audio | 2, 10 |", "| 11 | 2 | 1 | 1 | 0 |");
    }

    @Test
    void runsThatAllPassedSaySo() throws IOException {
        RepeatedRuns repeated = RepeatedRuns.inFolder(stack("janus", ALL_PASSED, ALL_PASSED));
        assertThat(repeated.anyRunFailed()).isFalse();
        assertThat(repeated.failedScenarios()).isEmpty();
        assertThat(repeated.textLines()).containsExactly("stack janus: 2 runs", "  run 1: 2 run: 2 passed, 0 failed, 0 skipped",
                "  run 2: 2 run: 2 passed, 0 failed, 0 skipped", "  no scenario failed in any run");
        assertThat(repeated.markdownLines()).contains("No scenario failed in any run.");
    }

    @Test
    void aRunWithoutScenariosCountsAsFailed() throws IOException {
        RepeatedRuns repeated = RepeatedRuns.inFolder(stack("embedded", ALL_PASSED, "<testsuite/>"));
        assertThat(repeated.anyRunFailed()).isTrue();
        assertThat(repeated.failedScenarios()).isEmpty();
    }

    @Test
    void aFolderWithoutRunsIsNamed() throws IOException {
        Path empty = stack("simulator-container");
        Files.writeString(empty.resolve("run-1.log"), "not a report");
        assertThatThrownBy(() -> RepeatedRuns.inFolder(empty)).hasMessage("no run-<i>.xml file in " + empty);
        assertThatThrownBy(() -> RepeatedRuns.inFolder(reports.resolve("absent")))
                .hasMessageContaining("no folder " + reports.resolve("absent"));
    }

    @Test
    void failedRunsAreSetsOfRunNumbers() throws IOException {
        RepeatedRuns repeated = RepeatedRuns.inFolder(stack("embedded",
                failing("Alice calls Bob").replace("</testsuite>",
                        "<testcase classname=\"Basic call\" name=\"Alice calls Bob\"><failure/></testcase></testsuite>")));
        // The same scenario twice in one run (an outline's examples of one name) counts that run once.
        assertThat(repeated.failedScenarios().get("Basic call: Alice calls Bob")).isEqualTo(Set.of(1));
    }
}
