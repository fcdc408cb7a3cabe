package io.trtcsim.simulator.cloudapi;

import io.trtcsim.usersig.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Tencent Cloud API 3.0's request signature, TC3-HMAC-SHA256, computed as Tencent documents it:
 * <ol>
 *   <li>CanonicalRequest = method, "/", query (empty for POST), the signed headers as
 *       {@code name:value\n} (names lower case, values trimmed), their names joined by ';', and
 *       hex(SHA-256(body)), one per line;</li>
 *   <li>StringToSign = "TC3-HMAC-SHA256", the timestamp, the credential scope
 *       {@code <UTC date>/<service>/tc3_request} and hex(SHA-256(CanonicalRequest)), one per line;</li>
 *   <li>the signing key: HMAC of the date under "TC3" + SecretKey, then of the service, then of
 *       "tc3_request"; the signature is hex(HMAC(signing key, StringToSign)).</li>
 * </ol>
 */
public final class Tc3Signature {

    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Tc3Signature() {
    }

    /** The UTC date of a timestamp as the credential scope writes it: 2026-12-05. */
    public static String date(long timestamp) {
        return DATE.format(Instant.ofEpochSecond(timestamp));
    }

    public static String canonicalRequest(String method, String canonicalHeaders, String signedHeaders, String body) {
        return method + "\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + sha256Hex(body);
    }

    /** hex(HMAC-SHA256) of the request under the SecretKey, for the service and timestamp given. */
    public static String of(String secretKey, String service, long timestamp, String canonicalRequest) {
        String date = date(timestamp);
        String stringToSign = ALGORITHM + "\n" + timestamp + "\n" + date + "/" + service + "/tc3_request\n"
                + sha256Hex(canonicalRequest);
        byte[] secretDate = HmacSha256.of("TC3" + secretKey, date);
        byte[] secretService = HmacSha256.of(secretDate, service);
        byte[] secretSigning = HmacSha256.of(secretService, "tc3_request");
        return HexFormat.of().formatHex(HmacSha256.of(secretSigning, stringToSign));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JRE cannot compute SHA-256", e);
        }
    }
}
