package io.trtcsim.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.Participants;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.StreamType;
import java.time.Duration;

/** Screen sharing as v4 does it: a stream made with {screen: true}, seen by the others as 'auxiliary'. */
public class ScreenSharingSteps {

    private final Participants participants;

    public ScreenSharingSteps(Participants participants) {
        this.participants = participants;
    }

    @When("{participant} creates a screen-sharing stream")
    public void createScreenStream(String name) {
        participants.namedOrNew(name).createScreenStream();
    }

    @Then("{participant} receives {event} of type {string} from {participant} within {duration}")
    public void receivesOfType(String name, ClientEvent event, String type, String from, Duration within) {
        Expectations.receivesOfType(participants.named(name), event, StreamType.named(type), from, within);
    }
}
