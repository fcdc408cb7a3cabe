package io.trtcsim.steps;

import io.trtcsim.harness.Operation;
import io.cucumber.java.en.Then;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.trtc.ClientEvent;
import java.time.Duration;
import java.util.List;

/** Checks on the events each participant's client received, and on how long calls took. */
public class EventSteps {

    private final ScenarioContext scenario;
    private final ParameterTypes types = new ParameterTypes();

    public EventSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    @Then("{participant} {timedCall} within {duration}")
    public void callTookAtMost(String name, Operation operation, Duration limit) {
        Expectations.callTookAtMost(scenario.participant(name), operation, limit);
    }

    @Then("{participant} receives {event} from {participant} within {duration}")
    public void receives(String name, ClientEvent event, String from, Duration within) {
        Expectations.receives(scenario.participant(name), event, from, 1, within);
    }

    @Then("{participant} receives {event} within {duration}")
    public void receivesAny(String name, ClientEvent event, Duration within) {
        Expectations.receivesAny(scenario.participant(name), event, within);
    }

    @Then("{participant} receives {event} from {participant} {int} times within {duration}")
    public void receivesTimes(String name, ClientEvent event, String from, int times, Duration within) {
        Expectations.receives(scenario.participant(name), event, from, times, within);
    }

    @Then("{participant} does not receive {event} from {participant} within {duration}")
    public void receivesNone(String name, ClientEvent event, String from, Duration period) {
        Expectations.receivesNone(scenario.participant(name), event, from, period);
    }

    @Then("{participant} gets a network quality of {int} up and {int} down within {duration}")
    public void networkQuality(String name, int uplink, int downlink, Duration within) {
        Expectations.networkQuality(scenario.participant(name), uplink, downlink, within);
    }

    @Then("{participant} receives no {event} for {duration}")
    public void receivesNoneAtAll(String name, ClientEvent event, Duration period) {
        Expectations.receivesNone(scenario.participant(name), event, null, period);
    }

    @Then("{participant} receives no new {event} for {duration}")
    public void receivesNoNew(String name, ClientEvent event, Duration period) {
        Expectations.receivesNoNew(scenario.participant(name), event, period);
    }

    @Then("{participant} received these events from {participant} in order:")
    public void receivedInOrder(String name, String from, List<String> events) {
        List<ClientEvent> expected = events.stream().map(e -> types.event(e.trim())).toList();
        Expectations.receivedInOrder(scenario.participant(name), from, expected, scenario.config().eventTimeout());
    }
}
