package io.trtcsim.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.NetworkConditions;
import io.trtcsim.harness.PacketLoss;
import io.trtcsim.harness.Participant;
import io.trtcsim.harness.Participants;
import java.time.Duration;
import org.opentest4j.TestAbortedException;

/** Real packet loss on a participant's connection, and what the SDK reports of the network. */
public class NetworkSteps {

    private final Participants participants;
    private final NetworkConditions network;

    public NetworkSteps(Participants participants, NetworkConditions network) {
        this.participants = participants;
        this.network = network;
    }

    @When("the uplink of {participant} loses {int}% of its packets")
    public void uplinkLoses(String name, int percent) {
        Participant participant = participants.named(name);
        skippedWhereUnavailable(() -> network.uplinkLoses(participant, percent));
    }

    @When("the uplink of {participant} loses no more packets")
    public void uplinkLosesNoMore(String name) {
        network.uplinkLosesNoMore(participants.named(name));
    }

    @When("the stream of {participant} to {participant} loses {int}% of its packets")
    public void downlinkLoses(String publisher, String name, int percent) {
        Participant participant = participants.named(name);
        skippedWhereUnavailable(() -> network.downlinkLoses(participant, publisher, percent));
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
        network.downlinkLosesNoMore(participants.named(name), publisher);
    }

    @Then("{participant} gets an uplink network quality from {int} to {int} within {duration}")
    public void uplinkQuality(String name, int best, int worst, Duration within) {
        Expectations.linkQuality(participants.named(name), true, best, worst, within);
    }

    @Then("{participant} gets a downlink network quality from {int} to {int} within {duration}")
    public void downlinkQuality(String name, int best, int worst, Duration within) {
        Expectations.linkQuality(participants.named(name), false, best, worst, within);
    }
}
