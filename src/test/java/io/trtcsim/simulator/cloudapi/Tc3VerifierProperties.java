package io.trtcsim.simulator.cloudapi;

import static io.trtcsim.PropertyRuns.anyText;
import static io.trtcsim.PropertyRuns.mutated;
import static io.trtcsim.PropertyRuns.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.trtcsim.usersig.CloudApiKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * {@link Tc3Verifier} refuses every request it cannot prove signed, with one of Tencent's
 * AuthFailure codes and a message, never another exception; a correctly signed request verifies,
 * and a change to its body, its signed headers, its timestamp or its Authorization does not.
 */
class Tc3VerifierProperties {

    private static final CloudApiKey KEY = new CloudApiKey("AKIDsimulator1400000001", "afc992698bb6230f56fa570288beab7f");
    private static final long NOW = 1_764_925_200L; // 2025-12-05T01:00:00Z
    private static final Tc3Verifier VERIFIER = new Tc3Verifier(
            id -> id.equals(KEY.secretId()) ? Optional.of(KEY) : Optional.empty(),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final String HOST = "trtc.tencentcloudapi.com";
    private static final List<String> CODES = List.of("AuthFailure.SignatureFailure", "AuthFailure.SecretIdNotFound",
            "AuthFailure.SignatureExpire");

    /** Authorization headers shaped like TC3's, with parts of every kind, and anything at all. */
    private static final Gen<String> AUTHORIZATION = anyText(200).mix(SourceDSL.strings().betweenCodePoints('a', 'z')
            .ofLengthBetween(1, 12).zip(Generate.pick(List.of(KEY.secretId(), "AKIDnobody", "", "x/y")),
                    Generate.pick(List.of("2025-12-05", "2025-12-04", "9999-99-99", "")),
                    SourceDSL.longs().all().map(n -> HexFormat.of().toHexDigits(n).repeat(4)),
                    (service, id, date, signature) -> "TC3-HMAC-SHA256 Credential=" + id + "/" + date + "/" + service
                            + "/tc3_request, SignedHeaders=content-type;" + service + ", Signature=" + signature), 60);

    /** X-TC-Timestamp values: right, near, far, huge, negative, not numbers, absent. */
    private static final Gen<String> TIMESTAMP = Generate.oneOf(
            SourceDSL.longs().between(NOW - 400, NOW + 400).map(n -> Long.toString(n)),
            SourceDSL.longs().all().map(n -> Long.toString(n)),
            anyText(25),
            Generate.pick(java.util.Arrays.asList(null, "", " ", "99999999999999999999", "-9223372036854775808", "1e9")));

    @Test
    void anyAuthorizationTimestampAndBodyAreRefusedWithAnAuthFailure() {
        qt(1000).forAll(AUTHORIZATION, TIMESTAMP, anyText(100), anyText(30)).checkAssert((authorization, timestamp, body, host) -> {
            Map<String, String> headers = headers(authorization, timestamp);
            headers.put("Host", host);
            refused(headers, body);
        });
    }

    @Test
    void aSignedRequestVerifiesAndAnyOtherBodyIsRefused() {
        qt(500).forAll(anyText(300), SourceDSL.longs().between(NOW - 300, NOW + 300)).checkAssert((body, timestamp) -> {
            Map<String, String> headers = signed(body, timestamp);
            assertThat(VERIFIER.verify("POST", headers::get, body, "trtc")).isEqualTo(KEY);
            String other = body + (body.isEmpty() ? "x" : body.substring(0, 1));
            assertThat(refused(headers, other).code()).isEqualTo("AuthFailure.SignatureFailure");
        });
        String body = "{\"SdkAppId\":1400000001,\"RoomId\":8888,\"UserIds\":[\"alice\"]}";
        qt(500).forAll(mutated(body)).checkAssert(other ->
                assertThat(refused(signed(body, NOW), other).code()).isEqualTo("AuthFailure.SignatureFailure"));
    }

    @Test
    void anyChangeOfASignedHeaderOrOfTheTimestampIsRefused() {
        String body = "{\"SdkAppId\":1400000001,\"RoomId\":8888}";
        qt(600).forAll(Generate.pick(List.of("Content-Type", "Host", "X-TC-Timestamp")),
                mutated(CONTENT_TYPE).mix(mutated(HOST), 50).mix(mutated(Long.toString(NOW)), 33)).checkAssert((name, value) -> {
                    Map<String, String> headers = signed(body, NOW);
                    String before = headers.get(name);
                    // Values are compared trimmed and in lower case (Tencent's canonical headers); the
                    // timestamp as a number.
                    boolean same = name.equals("X-TC-Timestamp") ? sameNumber(before, value)
                            : canonical(before).equals(canonical(value));
                    headers.put(name, value);
                    if (same) {
                        assertThat(VERIFIER.verify("POST", headers::get, body, "trtc")).isEqualTo(KEY);
                    } else {
                        refused(headers, body);
                    }
                });
    }

    @Test
    void anyOneCharacterChangeOfTheAuthorizationIsRefused() {
        String body = "{\"SdkAppId\":1400000001}";
        String authorization = signed(body, NOW).get("Authorization");
        qt(1000).forAll(SourceDSL.integers().between(0, authorization.length() - 1), SourceDSL.integers().between(0, 2),
                SourceDSL.integers().between(' ', '~').mix(SourceDSL.integers().between(0, 0xFFFF), 10)).checkAssert((at, kind, code) -> {
                    char old = authorization.charAt(at);
                    char c = (char) code.intValue();
                    String changed = switch (kind) {
                        case 0 -> authorization.substring(0, at) + c + authorization.substring(at + 1);
                        case 1 -> authorization.substring(0, at) + authorization.substring(at + 1);
                        default -> authorization.substring(0, at) + c + authorization.substring(at);
                    };
                    // Whitespace is free around the commas (as Tencent's gateway takes it) and outside the header.
                    boolean onlyWhitespace = kind == 0 ? Character.isWhitespace(old) && isRegexSpace(c)
                            : kind == 1 ? Character.isWhitespace(old) : isRegexSpace(c) || Character.isWhitespace(c);
                    if (changed.equals(authorization) || onlyWhitespace) {
                        return;
                    }
                    Map<String, String> headers = signed(body, NOW);
                    headers.put("Authorization", changed);
                    refused(headers, body);
                });
    }

    /** The headers of a request that Tencent's SDK would send, signed with {@link #KEY}. */
    private static Map<String, String> signed(String body, long timestamp) {
        String canonical = Tc3Signature.canonicalRequest("POST", "content-type:" + CONTENT_TYPE + "\nhost:" + HOST + "\n",
                "content-type;host", body);
        String signature = Tc3Signature.of(KEY.secretKey(), "trtc", timestamp, canonical);
        return headers("TC3-HMAC-SHA256 Credential=" + KEY.secretId() + "/" + Tc3Signature.date(timestamp)
                + "/trtc/tc3_request, SignedHeaders=content-type;host, Signature=" + signature, Long.toString(timestamp));
    }

    private static Map<String, String> headers(String authorization, String timestamp) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Authorization", authorization);
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("Host", HOST);
        headers.put("X-TC-Action", "RemoveUser");
        headers.put("X-TC-Timestamp", timestamp);
        return headers;
    }

    private static CloudApiError refused(Map<String, String> headers, String body) {
        Throwable thrown = catchThrowable(() -> VERIFIER.verify("POST", headers::get, body, "trtc"));
        assertThat(thrown).as("refusal of %s", headers).isInstanceOf(CloudApiError.class);
        CloudApiError error = (CloudApiError) thrown;
        assertThat(error.code()).isIn(CODES);
        assertThat(error.getMessage()).isNotBlank();
        return error;
    }

    private static String canonical(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean sameNumber(String before, String after) {
        try {
            return Long.parseLong(after.trim()) == Long.parseLong(before);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** What {@code \s} matches in a Java regex: space, tab, newline, vertical tab, form feed, return. */
    private static boolean isRegexSpace(char c) {
        return " \t\n\u000B\f\r".indexOf(c) >= 0;
    }
}
