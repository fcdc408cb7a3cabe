package io.trtcsim.simulator.cloudapi;

import io.trtcsim.usersig.CloudApiKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a Cloud API 3.0 request's {@code Authorization: TC3-HMAC-SHA256 Credential=..., SignedHeaders=...,
 * Signature=...} against the SecretKey of its SecretId, as Tencent's API gateway does. A request is
 * refused with Tencent's error codes: AuthFailure.SignatureFailure (missing, malformed or wrong),
 * AuthFailure.SecretIdNotFound, AuthFailure.SignatureExpire (X-TC-Timestamp more than five minutes
 * from the server's clock).
 */
public final class Tc3Verifier {

    /** Tencent refuses a request whose timestamp is more than five minutes away from its clock. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "TC3-HMAC-SHA256 Credential=([^/,\\s]+)/(\\d{4}-\\d{2}-\\d{2})/([a-z0-9]+)/tc3_request,\\s*"
                    + "SignedHeaders=([a-z0-9;\\-]+),\\s*Signature=([0-9a-f]{64})");

    private final Function<String, Optional<CloudApiKey>> keys;
    private final Clock clock;

    /** @param keys the key of a SecretId, if there is one */
    public Tc3Verifier(Function<String, Optional<CloudApiKey>> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The key that signed the request, or a {@link CloudApiError}.
     *
     * @param header a request header by name, any case; null when absent
     */
    public CloudApiKey verify(String method, Function<String, String> header, String body, String service) {
        String authorization = header.apply("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new CloudApiError("AuthFailure.SignatureFailure", "the Authorization header is missing");
        }
        Matcher parts = AUTHORIZATION.matcher(authorization.trim());
        if (!parts.matches()) {
            throw new CloudApiError("AuthFailure.SignatureFailure", "the Authorization header is not"
                    + " 'TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=..., Signature=<hex>'");
        }
        String secretId = parts.group(1);
        long timestamp = timestamp(header.apply("X-TC-Timestamp"));
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (skew > WINDOW.toSeconds()) {
            throw new CloudApiError("AuthFailure.SignatureExpire", "X-TC-Timestamp " + timestamp + " is " + skew
                    + " s from the server's time; at most " + WINDOW.toSeconds() + " s are allowed");
        }
        // Tencent's SDKs take the scope's service from the endpoint's first label: pointed at a
        // simulator on 127.0.0.1:8090 they sign service "127". That is accepted beside the service's
        // own name; the signature still needs the right key.
        String hostLabel = Optional.ofNullable(header.apply("Host")).orElse("").split("[.:]", 2)[0];
        String scopeService = parts.group(3);
        if (!parts.group(2).equals(Tc3Signature.date(timestamp))
                || !(scopeService.equals(service) || scopeService.equals(hostLabel))) {
            throw new CloudApiError("AuthFailure.SignatureFailure", "the credential scope " + parts.group(2) + "/"
                    + scopeService + " is not " + Tc3Signature.date(timestamp) + "/" + service
                    + " (the UTC date of X-TC-Timestamp and the service, or the first label of the Host)");
        }
        CloudApiKey key = keys.apply(secretId).orElseThrow(() -> new CloudApiError("AuthFailure.SecretIdNotFound",
                "SecretId " + secretId + " is not known"));
        String signedHeaders = parts.group(4);
        if (!(";" + signedHeaders + ";").contains(";content-type;") || !(";" + signedHeaders + ";").contains(";host;")) {
            throw new CloudApiError("AuthFailure.SignatureFailure", "SignedHeaders " + signedHeaders
                    + " must include content-type and host");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            String value = header.apply(name);
            if (value == null) {
                throw new CloudApiError("AuthFailure.SignatureFailure", "signed header " + name + " is missing");
            }
            canonicalHeaders.append(name).append(':').append(value.trim().toLowerCase(Locale.ROOT)).append('\n');
        }
        String expected = Tc3Signature.of(key.secretKey(), scopeService, timestamp,
                Tc3Signature.canonicalRequest(method, canonicalHeaders.toString(), signedHeaders, body));
        // Constant-time, so that timing does not tell how much of a forged signature was right.
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts.group(5).getBytes(StandardCharsets.US_ASCII))) {
            throw new CloudApiError("AuthFailure.SignatureFailure", "the signature does not match the request"
                    + " signed with the SecretKey of " + secretId);
        }
        return key;
    }

    private static long timestamp(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new CloudApiError("AuthFailure.SignatureFailure", "X-TC-Timestamp '" + value
                    + "' is missing or not a number of seconds");
        }
    }
}
