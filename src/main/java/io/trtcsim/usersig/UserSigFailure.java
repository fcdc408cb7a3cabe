package io.trtcsim.usersig;

/** Why a UserSig was refused, in the order {@link UserSigVerifier} checks. */
public enum UserSigFailure {
    MALFORMED_BASE64,
    MALFORMED_ZLIB,
    TOO_LARGE,
    MALFORMED_JSON,
    MISSING_FIELD,
    SDKAPPID_MISMATCH,
    IDENTIFIER_MISMATCH,
    UNKNOWN_APP,
    BAD_SIGNATURE,
    EXPIRED,
    MALFORMED_USERBUF
}
