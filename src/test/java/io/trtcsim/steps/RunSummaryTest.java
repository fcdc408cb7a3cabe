package io.trtcsim.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.core.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run summary names each failed scenario on a line of its own, as a CI log's tail shows it. */
class RunSummaryTest {

    @TempDir
    Path folder;

    @Test
    void aFailedScenarioIsNamedWithWhereItIsAndTheFirstLineOfItsError() throws IOException {
        Path feature = Files.writeString(folder.resolve("summary.feature"), """
                Feature: The run summary

                  Scenario: A step about a participant nobody made
                    Then "nobody" receives "stream-added" from "alice" within 1 seconds

                  Scenario: A scenario with nothing to do
                """);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        byte status;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            status = Main.run(new String[] {"--glue", "io.trtcsim.steps", "--plugin", "io.trtcsim.steps.RunSummary",
                    "--monochrome", feature.toString()}, Thread.currentThread().getContextClassLoader());
        } finally {
            System.setOut(console);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(status).as("Cucumber's exit status").isEqualTo((byte) 1);
        assertThat(output).contains("scenarios: 1 passed, 1 failed, 0 skipped");
        assertThat(output.lines().filter(line -> line.startsWith("failed: ")))
                .singleElement().asString()
                .contains("summary.feature:3 A step about a participant nobody made: ")
                .contains("nobody");
    }
}
