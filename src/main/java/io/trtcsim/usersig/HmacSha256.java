package io.trtcsim.usersig;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 of UTF-8 text under a UTF-8 key: what UserSigs and TRTC's callback Sign are made of. */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {
    }

    public static byte[] of(String key, String content) {
        return of(key.getBytes(StandardCharsets.UTF_8), content);
    }

    /** Under a key of raw bytes: TC3-HMAC-SHA256 derives each key from the HMAC before it. */
    public static byte[] of(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256: this is a broken runtime, not bad input.
            throw new IllegalStateException("this JRE cannot compute " + ALGORITHM, e);
        }
    }
}
