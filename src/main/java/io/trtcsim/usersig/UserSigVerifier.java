package io.trtcsim.usersig;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a TLS-SigAPIv2 UserSig the way the TRTC backend does before letting a user enter a room.
 * Thread-safe: it holds only immutable collaborators.
 */
public final class UserSigVerifier {

    private final AppKeyStore apps;
    private final Clock clock;
    private final TlsTokenDecoder decoder = new TlsTokenDecoder();
    private final TlsSigFields.Parser parser = new TlsSigFields.Parser();

    public UserSigVerifier(AppKeyStore apps, Clock clock) {
        this.apps = apps;
        this.clock = clock;
    }

    /**
     * @throws UserSigException with the first failed check, in the order decode, inflate, JSON,
     *                          fields, sdkappid, identifier, app key, signature, expiry, userbuf
     */
    public VerifiedUserSig verify(String userSig, long expectedSdkAppId, String expectedUserId) {
        TlsSigFields sig = parser.parse(decoder.decode(userSig));
        if (sig.sdkAppId() != expectedSdkAppId) {
            throw new UserSigException(UserSigFailure.SDKAPPID_MISMATCH,
                    "userSig was issued for SDKAppID " + sig.sdkAppId() + ", not " + expectedSdkAppId);
        }
        if (!sig.identifier().equals(expectedUserId)) {
            throw new UserSigException(UserSigFailure.IDENTIFIER_MISMATCH,
                    "userSig was issued for user '" + sig.identifier() + "', not '" + expectedUserId + "'");
        }
        AppKey app = apps.find(sig.sdkAppId()).orElseThrow(() -> new UserSigException(UserSigFailure.UNKNOWN_APP,
                "no secret key is known for SDKAppID " + sig.sdkAppId()));
        checkSignature(sig, app);
        Instant issuedAt = Instant.ofEpochSecond(sig.time());
        Instant expiresAt = expiry(sig);
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        if (!expiresAt.isAfter(now)) {
            throw new UserSigException(UserSigFailure.EXPIRED, "userSig expired at " + expiresAt + " (issued "
                    + issuedAt + ", valid " + sig.expire() + " s); it is now " + now);
        }
        Optional<PrivateMapKey> privateMapKey = sig.userbuf().map(UserSigVerifier::decodeUserBuf);
        return new VerifiedUserSig(sig.sdkAppId(), sig.identifier(), issuedAt, expiresAt, privateMapKey);
    }

    private static void checkSignature(TlsSigFields sig, AppKey app) {
        byte[] expected = HmacSha256.of(app.secretKey(), sig.contentToSign());
        byte[] actual;
        try {
            actual = Base64.getDecoder().decode(sig.sig());
        } catch (IllegalArgumentException e) {
            throw new UserSigException(UserSigFailure.BAD_SIGNATURE, "TLS.sig is not base64", e);
        }
        // Constant-time, so response timing does not reveal how much of a forged signature is right.
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new UserSigException(UserSigFailure.BAD_SIGNATURE,
                    "TLS.sig does not match the HMAC-SHA256 of the content with the key of SDKAppID " + app.sdkAppId());
        }
    }

    /** Capped at Instant.MAX: a signed token with an absurd validity simply never expires, rather than failing. */
    private static Instant expiry(TlsSigFields sig) {
        long seconds = sig.time() + sig.expire(); // both are at most Instant.MAX's seconds, so no overflow
        return Instant.ofEpochSecond(Math.min(seconds, Instant.MAX.getEpochSecond()));
    }

    private static PrivateMapKey decodeUserBuf(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new UserSigException(UserSigFailure.MALFORMED_USERBUF, "TLS.userbuf is not base64", e);
        }
        return PrivateMapKey.fromUserBuf(bytes);
    }
}
