package io.trtcsim.usersig;

import com.tencentyun.TLSSigAPIv2;

import java.time.Duration;

/**
 * Issues tokens with Tencent's own TLSSigAPIv2, so the harness signs exactly as a real app server does
 * and {@link UserSigVerifier} is checked against the reference implementation rather than itself.
 *
 * <p>TLSSigAPIv2 reads the system clock for the issue time; it cannot be given a {@link java.time.Clock}.
 * Validity is passed in whole seconds (sub-second parts are dropped).
 *
 * <p>There is no "userSig with privateMapKey": Tencent keeps its userbuf-taking genUserSig private.
 * Its {@code genPrivateMapKey} returns a token of the same TLS format whose {@code TLS.userbuf} carries
 * the room permissions; TRTC passes it separately from the userSig (the {@code privateMapKey} join
 * parameter), and {@link UserSigVerifier} accepts either, exposing the permissions as
 * {@link VerifiedUserSig#privateMapKey()}.
 */
public final class UserSigGenerator {

    private final TLSSigAPIv2 api;

    public UserSigGenerator(AppKey app) {
        this.api = new TLSSigAPIv2(app.sdkAppId(), app.secretKey());
    }

    /** A plain userSig; {@link Duration#ZERO} yields one that is already expired (useful in tests). */
    public String genUserSig(String userId, Duration validity) {
        return issued(api.genUserSig(userId, seconds(validity)));
    }

    /** A privateMapKey for a numeric room; see {@link Privilege} for the bits of {@code privilegeMap}. */
    public String genPrivateMapKey(String userId, Duration validity, long roomId, int privilegeMap) {
        return issued(api.genPrivateMapKey(userId, seconds(validity), roomId, Integer.toUnsignedLong(privilegeMap)));
    }

    /** A privateMapKey for a string room id (userbuf version 1). */
    public String genPrivateMapKeyWithStringRoomId(String userId, Duration validity, String roomId, int privilegeMap) {
        return issued(api.genPrivateMapKeyWithStringRoomID(userId, seconds(validity), roomId,
                Integer.toUnsignedLong(privilegeMap)));
    }

    private static long seconds(Duration validity) {
        if (validity.isNegative()) {
            throw new IllegalArgumentException("validity must not be negative, got " + validity);
        }
        return validity.toSeconds();
    }

    /** TLSSigAPIv2 reports an HMAC failure by returning "" rather than throwing. */
    private static String issued(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalStateException("TLSSigAPIv2 failed to sign (it returned an empty token)");
        }
        return token;
    }
}
