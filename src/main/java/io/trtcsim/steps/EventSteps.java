package io.trtcsim.steps;

import io.cucumber.java.en.Then;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.Operation;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.trtc.BanReason;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ConnectionState;
import io.trtcsim.trtc.ErrorCode;
import java.time.Duration;
import java.util.List;

/** Checks on the events each participant's client received, and on how long calls took. */
public class EventSteps {

    private final ScenarioContext scenario;
    private final Participants participants;
    private final ParameterTypes types = new ParameterTypes();

    public EventSteps(ScenarioContext scenario, Participants participants) {
        this.scenario = scenario;
        this.participants = participants;
    }

    @Then("{participant} {timedCall} within {duration}")
    public void callTookAtMost(String name, Operation operation, Duration limit) {
        Expectations.callTookAtMost(participants.named(name), operation, limit);
    }

    @Then("{participant} receives {event} from {participant} within {duration}")
    public void receives(String name, ClientEvent event, String from, Duration within) {
        Expectations.receives(participants.named(name), event, from, 1, within);
    }

    @Then("{participant} receives \"connection-state-changed\" to {connectionState} within {duration}")
    public void receivesStateChange(String name, ConnectionState state, Duration within) {
        Expectations.receivesStateChange(participants.named(name), state, within);
    }

    @Then("{participant} receives \"error\" with code {errorCode} within {duration}")
    public void receivesError(String name, ErrorCode code, Duration within) {
        Expectations.receivesError(participants.named(name), code, within);
    }

    @Then("{participant} receives \"client-banned\" with reason {string} within {duration}")
    public void receivesBan(String name, String reason, Duration within) {
        Expectations.receivesBan(participants.named(name), BanReason.named(reason), within);
    }

    @Then("{participant} receives {event} within {duration}")
    public void receivesAny(String name, ClientEvent event, Duration within) {
        Expectations.receivesAny(participants.named(name), event, within);
    }

    @Then("{participant} receives {event} from {participant} {int} times within {duration}")
    public void receivesTimes(String name, ClientEvent event, String from, int times, Duration within) {
        Expectations.receives(participants.named(name), event, from, times, within);
    }

    @Then("{participant} does not receive {event} from {participant} within {duration}")
    public void receivesNone(String name, ClientEvent event, String from, Duration period) {
        Expectations.receivesNone(participants.named(name), event, from, period);
    }

    @Then("the connection states of {participant} end with {connectionStates} within {duration}")
    public void connectionStatesEndWith(String name, List<ConnectionState> states, Duration within) {
        Expectations.connectionStatesEndWith(participants.named(name), states, within);
    }

    @Then("{participant} gets a network quality of {int} up and {int} down within {duration}")
    public void networkQuality(String name, int uplink, int downlink, Duration within) {
        Expectations.networkQuality(participants.named(name), uplink, downlink, within);
    }

    @Then("{participant} receives no {event} for {duration}")
    public void receivesNoneAtAll(String name, ClientEvent event, Duration period) {
        Expectations.receivesNone(participants.named(name), event, null, period);
    }

    @Then("{participant} receives no new {event} for {duration}")
    public void receivesNoNew(String name, ClientEvent event, Duration period) {
        Expectations.receivesNoNew(participants.named(name), event, period);
    }

    @Then("{participant} received these events from {participant} in order:")
    public void receivedInOrder(String name, String from, List<String> events) {
        List<ClientEvent> expected = events.stream().map(e -> types.event(e.trim())).toList();
        Expectations.receivedInOrder(participants.named(name), from, expected, scenario.config().eventTimeout());
    }
}
