package io.trtcsim.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.trtcsim.harness.AppServerActions;
import io.trtcsim.harness.AppServerExpectations;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.harness.Signatures;
import io.trtcsim.harness.appserver.AppServerFault;
import io.trtcsim.trtc.CallbackEvent;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;

/** The application's server: server API calls, callbacks received, UserSigs handed out. */
public class AppServerSteps {

    private final ScenarioContext scenario;
    private final Participants participants;
    private final Signatures signatures;
    private final AppServerActions appServer;
    private final AppServerExpectations callbacks;

    public AppServerSteps(ScenarioContext scenario, Participants participants, Signatures signatures, AppServerActions appServer, AppServerExpectations callbacks) {
        this.scenario = scenario;
        this.participants = participants;
        this.signatures = signatures;
        this.appServer = appServer;
        this.callbacks = callbacks;
    }

    @When("the app server removes {participant} from room {room}")
    public void removeUser(String name, RoomId roomId) {
        appServer.removeUser(roomId, name);
    }

    @When("the app server dismisses room {room}")
    public void dismissRoom(RoomId roomId) {
        appServer.dismissRoom(roomId);
    }

    @Then("the app server receives the {callback} callback for {participant} in room {room} within {duration}")
    public void receivesCallback(CallbackEvent event, String name, RoomId roomId, Duration within) {
        callbacks.receivedCallback(event, name, roomId, within);
    }

    @Then("the app server receives the {callback} callback for room {room} within {duration}")
    public void receivesRoomCallback(CallbackEvent event, RoomId roomId, Duration within) {
        callbacks.receivedCallback(event, null, roomId, within);
    }

    @Then("the app server receives the {callback} callback for {participant} in room {room} {int} times within {duration}")
    public void receivesCallbackTimes(CallbackEvent event, String name, RoomId roomId, int times, Duration within) {
        callbacks.receivedCallbackAttempts(event, name, roomId, times, within);
    }

    @Then("the app server receives the {callback} callback for room {room} {int} times within {duration}")
    public void receivesRoomCallbackTimes(CallbackEvent event, RoomId roomId, int times, Duration within) {
        callbacks.receivedCallbackAttempts(event, null, roomId, times, within);
    }

    @Given("the app server answers the next callback with HTTP {int}")
    public void failNextCallback(int status) {
        scenario.appServer().failNextCallbacks(1, status);
    }

    @Given("{participant} has created a client in {mode} mode with a user signature from the app server")
    public void createClientWithAppServerSignature(String name, Mode mode) {
        participants.namedOrNew(name).createClient(mode, signatures.sdkAppId(), appServer.fetchUserSig(name));
    }

    @Given("the app server fails user signature requests with {appServerFault}")
    public void failUserSigRequests(AppServerFault fault) {
        scenario.appServer().failUserSigRequests(fault);
    }

    @When("{participant} tries to get a user signature from the app server")
    public void tryToFetchUserSig(String name) {
        appServer.tryToFetchUserSig(name);
    }

    @Then("{participant} fails to get a user signature with an error mentioning {string}")
    public void failsToFetchUserSig(String name, String mentioning) {
        callbacks.userSigFetchFailed(name, mentioning);
    }
}
