package io.trtcsim.steps;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.trtcsim.harness.ScenarioContext;

/** The one teardown path: attach what explains the scenario, then release everything it made. */
public class Hooks {

    private final ScenarioContext scenario;

    public Hooks(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @After
    public void tearDown(Scenario result) {
        try {
            ScenarioReport.attachTo(result, scenario);
        } finally {
            scenario.close();
        }
    }
}
