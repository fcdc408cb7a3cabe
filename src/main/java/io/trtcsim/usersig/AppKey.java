package io.trtcsim.usersig;

import java.util.Optional;

/**
 * The keys of one TRTC application, as the console shows them.
 *
 * @param sdkAppId    the application's SDKAppID
 * @param secretKey   the key that signs UserSigs (TLS-SigAPIv2 HMAC key)
 * @param callbackKey the key that signs server event callbacks; {@code null} when the app has none
 * @param permissionControl whether joins need a privateMapKey ({@link PermissionControl#ADVANCED})
 * @param cloudApiKey the SecretId/SecretKey that sign the app server's Cloud API 3.0 calls for this
 *                    application; {@code null} when it has none
 */
public record AppKey(long sdkAppId, String secretKey, String callbackKey, PermissionControl permissionControl,
                     CloudApiKey cloudApiKey) {

    public AppKey(long sdkAppId, String secretKey, String callbackKey, PermissionControl permissionControl) {
        this(sdkAppId, secretKey, callbackKey, permissionControl, null);
    }

    public AppKey {
        if (sdkAppId <= 0) {
            throw new IllegalArgumentException("sdkAppId must be positive, got " + sdkAppId);
        }
        if (secretKey == null || secretKey.isBlank()) {
            // An empty HMAC key would make every signature trivially forgeable (and javax.crypto refuses it).
            throw new IllegalArgumentException("secretKey of app " + sdkAppId + " must not be blank");
        }
        if (permissionControl == null) {
            throw new IllegalArgumentException("permissionControl of app " + sdkAppId + " must be given (BASIC or ADVANCED)");
        }
        if (callbackKey != null && callbackKey.isBlank()) {
            throw new IllegalArgumentException("callbackKey of app " + sdkAppId + " must be null or non-blank");
        }
    }

    /** An app with basic permission control, as most are. */
    public AppKey(long sdkAppId, String secretKey, String callbackKey) {
        this(sdkAppId, secretKey, callbackKey, PermissionControl.BASIC);
    }

    /** An app without a callback key. */
    public AppKey(long sdkAppId, String secretKey) {
        this(sdkAppId, secretKey, null);
    }

    public Optional<CloudApiKey> optionalCloudApiKey() {
        return Optional.ofNullable(cloudApiKey);
    }

    public Optional<String> optionalCallbackKey() {
        return Optional.ofNullable(callbackKey);
    }

    /** Keys are redacted so that logging an AppKey (or a test failure message) never leaks them. */
    @Override
    public String toString() {
        return "AppKey[sdkAppId=" + sdkAppId + ", secretKey=***, callbackKey="
                + (callbackKey == null ? "none" : "***") + ", permissionControl=" + permissionControl
                + ", cloudApiKey=" + (cloudApiKey == null ? "none" : cloudApiKey) + "]";
    }
}
