package io.trtcsim.harness;

import io.trtcsim.harness.appserver.UserSigClient;
import io.trtcsim.harness.appserver.UserSigUnavailableException;
import io.trtcsim.stack.ServerApi;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What the scenario's app server does: call the stack's server API, hand out UserSigs. */
public final class AppServerActions {

    /** How long a participant waits for the app server's UserSig, as a web page's fetch would. */
    public static final Duration USERSIG_TIMEOUT = Duration.ofSeconds(2);

    private final ScenarioContext scenario;
    private final Signatures signatures;
    /** The last failed UserSig fetch of each user ('tries to get a user signature'). */
    private final Map<String, Throwable> failedFetches = new ConcurrentHashMap<>();

    public AppServerActions(ScenarioContext scenario, Signatures signatures) {
        this.scenario = scenario;
        this.signatures = signatures;
    }

    public void removeUser(RoomId roomId, String userId) {
        serverApi().removeUser(signatures.cloudApiKey(), signatures.sdkAppId(), roomId, List.of(userId));
    }

    public void dismissRoom(RoomId roomId) {
        serverApi().dismissRoom(signatures.cloudApiKey(), signatures.sdkAppId(), roomId);
    }

    private ServerApi serverApi() {
        return scenario.stack().serverApi().orElseThrow(() -> new IllegalStateException(
                "stack " + scenario.stack().name() + " has no server API (RemoveUser, DismissRoom)"));
    }

    /** The participant's UserSig from the app server over HTTP; a failure fails the step with its reason. */
    public String fetchUserSig(String userId) {
        return new UserSigClient(USERSIG_TIMEOUT).fetch(scenario.appServer().userSigUri(), signatures.sdkAppId(), userId);
    }

    /** Like {@link #fetchUserSig}, keeping a failure for a later check. */
    public void tryToFetchUserSig(String userId) {
        try {
            fetchUserSig(userId);
            failedFetches.remove(userId);
        } catch (UserSigUnavailableException e) {
            failedFetches.put(userId, e);
        }
    }

    /** Why the user's last 'tries to get a user signature' failed, if it did. */
    public Optional<Throwable> failedFetchOf(String userId) {
        return Optional.ofNullable(failedFetches.get(userId));
    }
}
