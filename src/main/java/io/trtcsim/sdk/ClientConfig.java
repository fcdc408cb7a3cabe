package io.trtcsim.sdk;

import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RtcError;

/**
 * TRTC.createClient's options: {mode, sdkAppId, userId, userSig, autoSubscribe, useStringRoomId}. Validated as the
 * SDK does: a wrong one throws {@link RtcError} INVALID_PARAMETER naming the option.
 * <p>
 * {@code autoSubscribe}: the SDK subscribes to every stream added by itself (stream-added, then
 * stream-subscribed without a subscribe call). TRTC's later 4.x versions default it to true; this
 * SDK keeps the v4 call flow's explicit subscribe as its default (false), so set it where wanted.
 * <p>
 * {@code useStringRoomId} (default false): the client's room ids are strings ("class-7A"), not
 * numbers; a room id of the other kind is refused at join (JOIN_ROOM_FAILED, extra code -10012).
 */
public record ClientConfig(Mode mode, long sdkAppId, String userId, String userSig, boolean autoSubscribe,
                           boolean useStringRoomId) {

    public ClientConfig(Mode mode, long sdkAppId, String userId, String userSig) {
        this(mode, sdkAppId, userId, userSig, false, false);
    }

    public ClientConfig(Mode mode, long sdkAppId, String userId, String userSig, boolean autoSubscribe) {
        this(mode, sdkAppId, userId, userSig, autoSubscribe, false);
    }

    public ClientConfig withAutoSubscribe(boolean subscribeByItself) {
        return new ClientConfig(mode, sdkAppId, userId, userSig, subscribeByItself, useStringRoomId);
    }

    public ClientConfig withStringRoomIds(boolean stringRoomIds) {
        return new ClientConfig(mode, sdkAppId, userId, userSig, autoSubscribe, stringRoomIds);
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
