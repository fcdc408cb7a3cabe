package io.trtcsim.usersig;

import java.time.Instant;
import java.util.Optional;

/**
 * What a UserSig proved, once {@link UserSigVerifier} accepted it.
 *
 * @param privateMapKey the room permissions carried in {@code TLS.userbuf}, when the token has one
 */
public record VerifiedUserSig(long sdkAppId, String userId, Instant issuedAt, Instant expiresAt,
                              Optional<PrivateMapKey> privateMapKey) {
}
