package io.trtcsim.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.core.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hung scenario, end to end through Cucumber and the harness's hooks: past harness.timeout.scenario
 * it fails with a thread dump attached, its participant is released, and the next scenario runs.
 */
class HungScenarioTest {

    @Test
    void aHungScenarioFailsWithAThreadDumpAndTheRunGoesOn(@TempDir Path out) throws Exception {
        Path json = out.resolve("hung.json");
        String before = System.getProperty("harness.timeout.scenario");
        // Long enough for a cold first scenario on a busy machine, which the watchdog covers too.
        System.setProperty("harness.timeout.scenario", "10s");
        byte status;
        try {
            status = Main.run(new String[] {"--glue", "io.trtcsim.steps", "--glue", "io.trtcsim.watchdog",
                    "--plugin", "json:" + json, "--monochrome",
                    "classpath:io/trtcsim/watchdog/hung.feature"}, HungScenarioTest.class.getClassLoader());
        } finally {
            if (before == null) {
                System.clearProperty("harness.timeout.scenario");
            } else {
                System.setProperty("harness.timeout.scenario", before);
            }
        }

        assertThat(status).as("the run fails: one scenario failed").isEqualTo((byte) 1);
        JsonNode scenarios = new ObjectMapper().readTree(Files.readString(json)).get(0).get("elements");
        assertThat(scenarios).hasSize(3);
        assertThat(statuses(scenarios.get(0))).as("the warm-up scenario").containsOnly("passed");
        assertThat(statuses(scenarios.get(1))).as("the hanging step failed when interrupted")
                .containsExactly("passed", "passed", "failed");
        assertThat(attachmentNames(scenarios.get(1))).anyMatch(name -> name.startsWith("thread dump: the scenario ran past 10 s"));
        assertThat(statuses(scenarios.get(2))).as("the next scenario ran and passed").containsOnly("passed");
    }

    private static List<String> statuses(JsonNode scenario) {
        List<String> statuses = new ArrayList<>();
        scenario.path("steps").forEach(step -> statuses.add(step.path("result").path("status").asText()));
        return statuses;
    }

    private static List<String> attachmentNames(JsonNode scenario) {
        List<String> names = new ArrayList<>();
        for (String section : List.of("after", "steps")) {
            scenario.path(section).forEach(item -> item.path("embeddings")
                    .forEach(embedding -> names.add(embedding.path("name").asText())));
        }
        return names;
    }
}
