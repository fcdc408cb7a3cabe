package io.trtcsim.steps;

import io.trtcsim.trtc.Mode;
import io.cucumber.java.Before;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.trtcsim.harness.appserver.AppServerFault;
import io.trtcsim.harness.AppServerExpectations;
import io.trtcsim.harness.AppServerActions;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.trtc.CallbackEvent;
import java.time.Duration;

/** The application's server: server API calls, callbacks received, UserSigs handed out. */
public class AppServerSteps {

    private final ScenarioContext scenario;

    public AppServerSteps(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    /** The app server must exist before the stack starts, or the stack cannot send it callbacks. */
    @Before(value = "@app-server", order = 0)
    public void startAppServer() {
        scenario.appServer();
    }

    @When("the app server removes {participant} from room {room}")
    public void removeUser(String name, Long roomId) {
        AppServerActions.removeUser(scenario, roomId, name);
    }

    @When("the app server dismisses room {room}")
    public void dismissRoom(Long roomId) {
        AppServerActions.dismissRoom(scenario, roomId);
    }

    @Then("the app server receives the {callback} callback for {participant} in room {room} within {duration}")
    public void receivesCallback(CallbackEvent event, String name, Long roomId, Duration within) {
        AppServerExpectations.receivedCallback(scenario, event, name, roomId, within);
    }

    @Then("the app server receives the {callback} callback for room {room} within {duration}")
    public void receivesRoomCallback(CallbackEvent event, Long roomId, Duration within) {
        AppServerExpectations.receivedCallback(scenario, event, null, roomId, within);
    }

    @Then("the app server receives the {callback} callback for {participant} in room {room} {int} times within {duration}")
    public void receivesCallbackTimes(CallbackEvent event, String name, Long roomId, int times, Duration within) {
        AppServerExpectations.receivedCallbackAttempts(scenario, event, name, roomId, times, within);
    }

    @Then("the app server receives the {callback} callback for room {room} {int} times within {duration}")
    public void receivesRoomCallbackTimes(CallbackEvent event, Long roomId, int times, Duration within) {
        AppServerExpectations.receivedCallbackAttempts(scenario, event, null, roomId, times, within);
    }

    @Given("the app server answers the next callback with HTTP {int}")
    public void failNextCallback(int status) {
        scenario.appServer().failNextCallbacks(1, status);
    }

    @Given("{participant} has created a client in {mode} mode with a user signature from the app server")
    public void createClientWithAppServerSignature(String name, Mode mode) {
        scenario.participantOrNew(name).createClient(mode, scenario.sdkAppId(), AppServerActions.fetchUserSig(scenario, name));
    }

    @Given("the app server fails user signature requests with {appServerFault}")
    public void failUserSigRequests(AppServerFault fault) {
        scenario.appServer().failUserSigRequests(fault);
    }

    @When("{participant} tries to get a user signature from the app server")
    public void tryToFetchUserSig(String name) {
        AppServerActions.tryToFetchUserSig(scenario, name);
    }

    @Then("{participant} fails to get a user signature with an error mentioning {string}")
    public void failsToFetchUserSig(String name, String mentioning) {
        AppServerExpectations.userSigFetchFailed(scenario, name, mentioning);
    }
}
