package io.trtcsim.steps;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.trtcsim.harness.Participant;
import io.trtcsim.harness.ScenarioContext;
import java.nio.charset.StandardCharsets;

/** The one teardown path: attach what explains the scenario, then release everything it made. */
public class Hooks {

    private final ScenarioContext scenario;

    public Hooks(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @After
    public void tearDown(Scenario result) {
        try {
            for (Participant participant : scenario.participants()) {
                if (participant.hasClient()) {
                    result.attach(participant.journal().describe().getBytes(StandardCharsets.UTF_8), "text/plain",
                            "events of " + participant.userId());
                }
            }
        } finally {
            scenario.close();
        }
    }
}
