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
        skippedWhereUnavailable(() -> scenario.packetLoss().dropFrom(port, percent));
    }

    @When("the uplink of {participant} loses no more packets")
    public void uplinkLosesNoMore(String name) {
        scenario.packetLoss().stopDroppingFrom(scenario.participant(name).uplinkMediaPort());
    }

    @When("the stream of {participant} to {participant} loses {int}% of its packets")
    public void downlinkLoses(String publisher, String name, int percent) {
        int port = scenario.participant(name).downlinkMediaPort(publisher);
        skippedWhereUnavailable(() -> scenario.packetLoss().dropTo(port, percent));
    }

    /** Without root or iptables the scenario cannot run here: skipped with the reason, not failed. */
    private static void skippedWhereUnavailable(Runnable dropping) {
        try {
            dropping.run();
        } catch (PacketLoss.PacketLossUnavailableException e) {
            String reason = "skipped: packet loss cannot be made on this machine: " + e.getMessage();
            System.out.println(reason);
            throw new TestAbortedException(reason, e);
        }
    }

    @When("the stream of {participant} to {participant} loses no more packets")
    public void downlinkLosesNoMore(String publisher, String name) {
        scenario.packetLoss().stopDroppingTo(scenario.participant(name).downlinkMediaPort(publisher));
    }

    @Then("{participant} gets an uplink network quality from {int} to {int} within {duration}")
    public void uplinkQuality(String name, int best, int worst, Duration within) {
        Expectations.linkQuality(scenario.participant(name), true, best, worst, within);
    }

    @Then("{participant} gets a downlink network quality from {int} to {int} within {duration}")
    public void downlinkQuality(String name, int best, int worst, Duration within) {
        Expectations.linkQuality(scenario.participant(name), false, best, worst, within);
    }
}
