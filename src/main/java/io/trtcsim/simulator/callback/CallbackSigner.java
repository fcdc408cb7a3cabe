package io.trtcsim.simulator.callback;

import io.trtcsim.usersig.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * The {@code Sign} header of TRTC's server callbacks: standard base64 of HMAC-SHA256 over the raw
 * request body, keyed with the app's callback key (both as UTF-8). The simulator signs; an app server
 * (or a test standing in for one) verifies.
 */
public final class CallbackSigner {

    /** The Sign header value for {@code rawBody}. */
    public String sign(String callbackKey, String rawBody) {
        Objects.requireNonNull(rawBody, "rawBody");
        return Base64.getEncoder().encodeToString(mac(callbackKey, rawBody));
    }

    /**
     * Whether {@code sign} is the Sign of {@code rawBody} under {@code callbackKey}. Compares in
     * constant time, so the time taken tells an attacker nothing about how much of a forgery was right.
     */
    public boolean verify(String callbackKey, String rawBody, String sign) {
        Objects.requireNonNull(rawBody, "rawBody");
        if (sign == null) {
            return false;
        }
        byte[] expected = sign(callbackKey, rawBody).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, sign.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String callbackKey, String rawBody) {
        Objects.requireNonNull(callbackKey, "callbackKey");
        if (callbackKey.isEmpty()) {
            throw new IllegalArgumentException("callbackKey must not be empty");
        }
        return HmacSha256.of(callbackKey, rawBody);
    }
}
