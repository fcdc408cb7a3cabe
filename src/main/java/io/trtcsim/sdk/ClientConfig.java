package io.trtcsim.sdk;

import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RtcError;

/**
 * TRTC.createClient's options: {mode, sdkAppId, userId, userSig, autoSubscribe}. Validated as the
 * SDK does: a wrong one throws {@link RtcError} INVALID_PARAMETER naming the option.
 * <p>
 * {@code autoSubscribe}: the SDK subscribes to every stream added by itself (stream-added, then
 * stream-subscribed without a subscribe call). TRTC's later 4.x versions default it to true; this
 * SDK keeps the v4 call flow's explicit subscribe as its default (false), so set it where wanted.
 */
public record ClientConfig(Mode mode, long sdkAppId, String userId, String userSig, boolean autoSubscribe) {

    public ClientConfig(Mode mode, long sdkAppId, String userId, String userSig) {
        this(mode, sdkAppId, userId, userSig, false);
    }

    public ClientConfig withAutoSubscribe(boolean subscribeByItself) {
        return new ClientConfig(mode, sdkAppId, userId, userSig, subscribeByItself);
    }

    public ClientConfig {
        if (mode == null) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "mode is missing: 'rtc' or 'live'");
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
