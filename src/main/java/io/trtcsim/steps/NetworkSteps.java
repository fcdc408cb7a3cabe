package io.trtcsim.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.PacketLoss;
import io.trtcsim.harness.ParticipantNetworks;
import io.trtcsim.harness.Participants;
import io.trtcsim.network.Direction;
import java.time.Duration;
import org.opentest4j.TestAbortedException;

/**
 * A participant's network, per direction and as a whole: loss, delay, jitter, a capacity limit,
 * outages and named profiles, set and lifted during a call; and what the SDK reports of it.
 */
public class NetworkSteps {

    private final Participants participants;
    private final ParticipantNetworks network;

    public NetworkSteps(Participants participants, ParticipantNetworks network) {
        this.participants = participants;
        this.network = network;
    }

    @When("the {direction} of {participant} has {int} ms of delay")
    public void delay(Direction direction, String name, int millis) {
        shape(() -> network.change(participants.named(name), direction, link -> link.withDelay(Duration.ofMillis(millis))));
    }

    @When("the {direction} of {participant} has {int} ms of jitter")
    public void jitter(Direction direction, String name, int millis) {
        shape(() -> network.change(participants.named(name), direction,
                link -> link.withJitter(Duration.ofMillis(millis), false)));
    }

    @When("the {direction} of {participant} has {int} ms of jitter with reordering")
    public void jitterWithReordering(Direction direction, String name, int millis) {
        shape(() -> network.change(participants.named(name), direction,
                link -> link.withJitter(Duration.ofMillis(millis), true)));
    }

    @When("the {direction} of {participant} is limited to {int} kbps")
    public void capacity(Direction direction, String name, int kbps) {
        shape(() -> network.change(participants.named(name), direction, link -> link.withCapacity(kbps)));
    }

    @When("the {direction} of {participant} is limited to {int} kbps with a queue of {int} packets")
    public void capacityWithQueue(Direction direction, String name, int kbps, int packets) {
        shape(() -> network.change(participants.named(name), direction, link -> link.withCapacity(kbps, packets)));
    }

    @When("the {direction} of {participant} is no longer limited")
    public void noCapacityLimit(Direction direction, String name) {
        shape(() -> network.change(participants.named(name), direction, link -> link.withCapacity(0)));
    }

    @When("the {direction} of {participant} loses {int}% of its packets")
    public void loses(Direction direction, String name, int percent) {
        shape(() -> network.loses(participants.named(name), direction, percent));
    }

    @When("the {direction} of {participant} loses {int}% of its packets in bursts of {int}")
    public void losesInBursts(Direction direction, String name, int percent, int meanBurst) {
        shape(() -> network.change(participants.named(name), direction, link -> link.withLoss(percent, meanBurst)));
    }

    @When("the {direction} of {participant} loses no more packets")
    public void losesNoMore(Direction direction, String name) {
        shape(() -> network.loses(participants.named(name), direction, 0));
    }

    @When("the stream of {participant} to {participant} loses {int}% of its packets")
    public void streamLoses(String publisher, String name, int percent) {
        shape(() -> network.streamLoses(participants.named(name), publisher, percent));
    }

    @When("the stream of {participant} to {participant} loses no more packets")
    public void streamLosesNoMore(String publisher, String name) {
        shape(() -> network.streamLoses(participants.named(name), publisher, 0));
    }

    @When("the network of {participant} goes down for {duration}")
    public void goesDownFor(String name, Duration outage) {
        shape(() -> network.goesDownFor(participants.named(name), outage));
    }

    @When("the network of {participant} goes down")
    public void goesDown(String name) {
        shape(() -> network.goesDown(participants.named(name)));
    }

    @When("the network of {participant} comes back")
    public void comesBack(String name) {
        shape(() -> network.comesBack(participants.named(name)));
    }

    @When("the network of {participant} becomes {string}")
    public void becomes(String name, String profile) {
        shape(() -> network.becomes(participants.named(name), profile));
    }

    @When("the network of {participant} is restored")
    public void restored(String name) {
        network.restore(participants.named(name));
    }

    /** What the stack or this machine cannot do is reported as not supported, with the reason; never failed. */
    private static void shape(Runnable change) {
        try {
            change.run();
        } catch (ParticipantNetworks.NotSupportedHereException | PacketLoss.PacketLossUnavailableException e) {
            String reason = "not supported here: " + e.getMessage();
            System.out.println(reason);
            throw new TestAbortedException(reason, e);
        }
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
