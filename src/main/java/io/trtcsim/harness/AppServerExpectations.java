package io.trtcsim.harness;

import static org.awaitility.Awaitility.await;

import io.trtcsim.harness.appserver.AppServer;
import io.trtcsim.harness.appserver.ReceivedCallback;
import io.trtcsim.trtc.CallbackEvent;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/** Checks on what the scenario's app server received from the stack. */
public final class AppServerExpectations {

    private final ScenarioContext scenario;
    private final Signatures signatures;
    private final AppServerActions actions;

    public AppServerExpectations(ScenarioContext scenario, Signatures signatures, AppServerActions actions) {
        this.scenario = scenario;
        this.signatures = signatures;
        this.actions = actions;
    }

    /**
     * The app server received that callback (for that user, or for the room when {@code userId} is
     * null) with a Sign header made with the app's callback key.
     */
    public void receivedCallback(CallbackEvent event, String userId, RoomId roomId,
                                        Duration within) {
        if (!scenario.stackSendsCallbacksToAppServer()) {
            throw new IllegalStateException("stack " + scenario.config().stack() + " sends no callbacks to the scenario's"
                    + " app server: only a stack the harness starts itself (embedded, simulator-container) is told where it is");
        }
        AppServer appServer = scenario.appServer();
        String callbackKey = signatures.app().optionalCallbackKey().orElseThrow(() -> new IllegalStateException(
                "application " + signatures.sdkAppId() + " has no callbackKey in fixtures/apps.json"));
        String what = "the app server receives the '" + event.phrase() + "' callback (" + event.eventType() + ")"
                + (userId == null ? "" : " for " + userId) + " in room " + roomId;
        try {
            await(what).atMost(within).pollInterval(Duration.ofMillis(20))
                    .until(() -> matching(appServer.callbacks(), event, userId, roomId).stream()
                            .anyMatch(c -> c.signedWith(callbackKey)));
        } catch (ConditionTimeoutException e) {
            List<ReceivedCallback> unsigned = matching(appServer.callbacks(), event, userId, roomId);
            throw new AssertionError("expected " + what + " within " + within.toMillis() + " ms, "
                    + (unsigned.isEmpty() ? "but it did not come" : "but its Sign header did not verify with the app's callback key")
                    + "; callbacks received:\n" + describe(appServer.callbacks()));
        }
    }

    /** The app server received that callback exactly {@code times} times in all (e.g. after a retry). */
    public void receivedCallbackAttempts(CallbackEvent event, String userId, RoomId roomId,
                                                int times, Duration within) {
        AppServer appServer = scenario.appServer();
        String what = "the app server receives the '" + event.phrase() + "' callback"
                + (userId == null ? "" : " for " + userId) + " in room " + roomId + " " + times + " times";
        try {
            await(what).atMost(within).pollInterval(Duration.ofMillis(20))
                    .until(() -> matching(appServer.callbacks(), event, userId, roomId).size() >= times);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + what + " within " + within.toMillis() + " ms; callbacks received:\n"
                    + describe(appServer.callbacks()));
        }
        int received = matching(appServer.callbacks(), event, userId, roomId).size();
        if (received != times) {
            throw new AssertionError("expected " + what + ", but it came " + received + " times; callbacks received:\n"
                    + describe(appServer.callbacks()));
        }
    }

    /** The last attempt to get a UserSig from the app server failed, and said why. */
    public void userSigFetchFailed(String userId, String mentioning) {
        Throwable failure = actions.failedFetchOf(userId).orElseThrow(() -> new AssertionError(
                userId + ": expected getting a user signature from the app server to fail, but it succeeded"));
        if (!failure.getMessage().contains(mentioning)) {
            throw new AssertionError(userId + ": expected the user signature error to mention '" + mentioning
                    + "', but it said: " + failure.getMessage());
        }
    }

    private static List<ReceivedCallback> matching(List<ReceivedCallback> callbacks, CallbackEvent event, String userId,
                                                    RoomId roomId) {
        return callbacks.stream()
                .filter(c -> c.eventType() == event.eventType() && c.roomId().filter(roomId::equals).isPresent()
                        && (userId == null || userId.equals(c.userId())))
                .toList();
    }

    static String describe(List<ReceivedCallback> callbacks) {
        if (callbacks.isEmpty()) {
            return "  (none)";
        }
        return callbacks.stream()
                .map(c -> "  " + c.eventType() + " " + CallbackEventNames.of(c.eventType()) + " room " + c.roomId().map(RoomId::toString).orElse("(none)")
                        + (c.userId() == null ? "" : " user " + c.userId()))
                .collect(Collectors.joining("\n"));
    }

    private static final class CallbackEventNames {
        static String of(int type) {
            try {
                return "(" + CallbackEvent.ofType(type).phrase() + ")";
            } catch (RuntimeException e) {
                return "(unknown)";
            }
        }
    }
}
