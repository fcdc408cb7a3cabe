package io.trtcsim.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.PacketLoss;
import io.trtcsim.harness.ScenarioContext;
import java.time.Duration;
import org.opentest4j.TestAbortedException;

/** Real packet loss on a participant's connection, and what the SDK reports of the network. */
public class NetworkSteps {

    private final ScenarioContext scenario;

    public NetworkSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @When("the uplink of {participant} loses {int}% of its packets")
    public void uplinkLoses(String name, int percent) {
        int port = scenario.participant(name).uplinkMediaPort();
        try {
            scenario.packetLoss().dropFrom(port, percent);
        } catch (PacketLoss.PacketLossUnavailableException e) {
            String reason = "skipped: packet loss cannot be made on this machine: " + e.getMessage();
            System.out.println(reason);
            throw new TestAbortedException(reason, e);
        }
    }

    @When("the uplink of {participant} loses no more packets")
    public void uplinkLosesNoMore(String name) {
        scenario.packetLoss().stopDroppingFrom(scenario.participant(name).uplinkMediaPort());
    }

    @Then("{participant} gets an uplink network quality from {int} to {int} within {duration}")
    public void uplinkQuality(String name, int best, int worst, Duration within) {
        Expectations.uplinkQuality(scenario.participant(name), best, worst, within);
    }
}
