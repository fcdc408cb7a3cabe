package io.trtcsim.harness;

import io.trtcsim.usersig.AppKey;
import io.trtcsim.usersig.AppKeyStore;
import io.trtcsim.usersig.CloudApiKey;
import io.trtcsim.usersig.PermissionControl;
import io.trtcsim.usersig.UserSigGenerator;
import java.time.Duration;

/**
 * The scenario's signatures: UserSigs (good and spoiled) and PrivateMapKeys made by Tencent's
 * published generator with the fixture keys of the application participants join (harness.sdkAppId).
 */
public final class Signatures {

    private final ScenarioContext scenario;

    public Signatures(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    /** The sdkAppId participants join with (harness.sdkAppId). */
    public long sdkAppId() {
        return app().sdkAppId();
    }

    /** A valid UserSig for the user. */
    public String userSigFor(String userId) {
        return new UserSigGenerator(app()).genUserSig(userId, validity());
    }

    /** A UserSig with the given fault ({@code otherUser} is used for {@link SignatureFault#OTHER_USER}). */
    public String faultyUserSigFor(String userId, SignatureFault fault, String otherUser) {
        return switch (fault) {
            case EXPIRED -> new UserSigGenerator(app()).genUserSig(userId, Duration.ZERO);
            case WRONG_KEY -> new UserSigGenerator(new AppKey(app().sdkAppId(), otherApp().secretKey()))
                    .genUserSig(userId, validity());
            case OTHER_USER -> new UserSigGenerator(app()).genUserSig(otherUser, validity());
            case OTHER_APPLICATION -> new UserSigGenerator(otherApp()).genUserSig(userId, validity());
            case MALFORMED -> "this-is-not-a-user-signature";
        };
    }

    /** A privateMapKey for the user and room granting exactly the given privilege bits. */
    public String privateMapKeyFor(String userId, long roomId, int privilegeMap) {
        return new UserSigGenerator(app()).genPrivateMapKey(userId, validity(), roomId, privilegeMap);
    }

    /** The application's Cloud API key (SecretId/SecretKey), which signs server API calls. */
    public CloudApiKey cloudApiKey() {
        return app().optionalCloudApiKey().orElseThrow(() -> new IllegalStateException("application " + sdkAppId()
                + " has no cloudApiSecretId/cloudApiSecretKey in " + appsJson() + ": the server API needs them"));
    }

    /**
     * An application of the fixtures with advanced permission control on (its joins need a
     * privateMapKey); the error names fixtures/apps.json when it has none.
     */
    public long sdkAppIdWithAdvancedPermissionControl() {
        return scenario.appKeys().apps().stream().filter(app -> app.permissionControl() == PermissionControl.ADVANCED)
                .map(AppKey::sdkAppId).findFirst().orElseThrow(() -> new IllegalStateException(appsJson() + " has no application with"
                        + " \"permissionControl\": \"advanced\", which this step needs"));
    }

    /** A valid UserSig for the user in the fixtures' application {@code sdkAppId}. */
    public String userSigFor(long sdkAppId, String userId) {
        return new UserSigGenerator(appOf(sdkAppId)).genUserSig(userId, validity());
    }

    /** A privateMapKey of application {@code sdkAppId} for the user and room granting exactly the given privilege bits. */
    public String privateMapKeyFor(long sdkAppId, String userId, long roomId, int privilegeMap) {
        return new UserSigGenerator(appOf(sdkAppId)).genPrivateMapKey(userId, validity(), roomId, privilegeMap);
    }

    private AppKey appOf(long sdkAppId) {
        return scenario.appKeys().find(sdkAppId).orElseThrow(() -> new IllegalStateException(
                "application " + sdkAppId + " has no key in " + appsJson()));
    }

    public AppKey app() {
        AppKeyStore keys = scenario.appKeys();
        return keys.find(scenario.config().sdkAppId()).orElseThrow(() -> new IllegalStateException(
                "harness.sdkAppId " + scenario.config().sdkAppId() + " has no key in " + appsJson()));
    }

    /** Another application of the fixtures, for signatures that belong elsewhere. */
    private AppKey otherApp() {
        return scenario.appKeys().apps().stream().filter(other -> other.sdkAppId() != app().sdkAppId()).findFirst()
                .orElseThrow(() -> new IllegalStateException(appsJson()
                        + " needs a second application for 'another application' and 'wrong key' signatures"));
    }

    private Object appsJson() {
        return scenario.config().fixtures().resolve("apps.json");
    }

    private Duration validity() {
        return scenario.config().userSigValidity();
    }
}
