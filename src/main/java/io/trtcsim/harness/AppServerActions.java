package io.trtcsim.harness;

import io.trtcsim.harness.appserver.UserSigClient;
import io.trtcsim.harness.appserver.UserSigUnavailableException;
import io.trtcsim.stack.ServerApi;
import java.time.Duration;
import java.util.List;

/** What the scenario's app server does: call the stack's server API, hand out UserSigs. */
public final class AppServerActions {

    /** How long a participant waits for the app server's UserSig, as a web page's fetch would. */
    public static final Duration USERSIG_TIMEOUT = Duration.ofSeconds(2);

    private AppServerActions() {
    }

    public static void removeUser(ScenarioContext scenario, long roomId, String userId) {
        ServerApi api = serverApi(scenario);
        api.removeUser(scenario.sdkAppId(), scenario.administratorUserSig(api.administrator()), roomId, List.of(userId));
    }

    public static void dismissRoom(ScenarioContext scenario, long roomId) {
        ServerApi api = serverApi(scenario);
        api.dismissRoom(scenario.sdkAppId(), scenario.administratorUserSig(api.administrator()), roomId);
    }

    private static ServerApi serverApi(ScenarioContext scenario) {
        return scenario.stack().serverApi().orElseThrow(() -> new IllegalStateException(
                "stack " + scenario.stack().name() + " has no server API (RemoveUser, DismissRoom)"));
    }

    /** The participant's UserSig from the app server over HTTP; a failure fails the step with its reason. */
    public static String fetchUserSig(ScenarioContext scenario, String userId) {
        return new UserSigClient(USERSIG_TIMEOUT).fetch(scenario.appServer().userSigUri(), scenario.sdkAppId(), userId);
    }

    /** Like {@link #fetchUserSig}, keeping a failure for a later check. */
    public static void tryToFetchUserSig(ScenarioContext scenario, String userId) {
        try {
            fetchUserSig(scenario, userId);
            scenario.recordFailure(userId, "user signature", null);
        } catch (UserSigUnavailableException e) {
            scenario.recordFailure(userId, "user signature", e);
        }
    }
}
