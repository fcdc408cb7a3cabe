package io.trtcsim.sdk;

/**
 * TRTC.createClient's options: {mode, sdkAppId, userId, userSig}. Validated as the SDK does:
 * a wrong one throws {@link RtcError} INVALID_PARAMETER naming the option.
 */
public record ClientConfig(String mode, long sdkAppId, String userId, String userSig) {

    public ClientConfig {
        if (!"rtc".equals(mode) && !"live".equals(mode)) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "mode '" + mode + "' is neither 'rtc' nor 'live'");
        }
        if (sdkAppId <= 0) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "sdkAppId " + sdkAppId + " is not a positive number");
        }
        if (userId == null || userId.isBlank()) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "userId is empty");
        }
        if (userSig == null) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "userSig is missing");
        }
    }
}
