package io.trtcsim.harness;

/** The ways a feature can give a participant a bad UserSig, each refused for its own reason. */
public enum SignatureFault {
    /** Issued with a validity of 0 s: expired the moment it is checked. */
    EXPIRED,
    /** Made by Tencent's generator with a key that is not the application's. */
    WRONG_KEY,
    /** A valid signature for another userId. */
    OTHER_USER,
    /** A valid signature of another application (sdkAppId). */
    OTHER_APPLICATION,
    /** Not a TLS-SigAPIv2 token at all. */
    MALFORMED
}
