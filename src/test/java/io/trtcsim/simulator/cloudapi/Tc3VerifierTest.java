package io.trtcsim.simulator.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.usersig.CloudApiKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Tc3VerifierTest {

    private static final CloudApiKey KEY = new CloudApiKey("AKIDsimulator1400000001", "afc992698bb6230f56fa570288beab7f");
    private static final long TIMESTAMP = 1_764_925_200L; // 2025-12-05T01:00:00Z
    private static final String BODY = "{\"SdkAppId\":1400000001,\"RoomId\":8888,\"UserIds\":[\"alice\"]}";
    /** Computed apart from this code (Python's hmac and hashlib) from the steps Tencent documents. */
    private static final String KNOWN_SIGNATURE = "8334caa99691196808ec7ea17cf4d2ca80753a09a70e1e024092f6cb5098863f";

    private final Tc3Verifier verifier = verifierAt(TIMESTAMP + 30);

    @Test
    void aKnownVectorIsSignedAndVerifiedAsTencentDocuments() {
        String canonical = Tc3Signature.canonicalRequest("POST",
                "content-type:application/json; charset=utf-8\nhost:127.0.0.1:8090\n", "content-type;host", BODY);
        assertThat(Tc3Signature.of(KEY.secretKey(), "trtc", TIMESTAMP, canonical)).isEqualTo(KNOWN_SIGNATURE);

        assertThat(verifier.verify("POST", headers(KNOWN_SIGNATURE, KEY.secretId(), TIMESTAMP)::get, BODY, "trtc"))
                .isEqualTo(KEY);
    }

    @Test
    void aTamperedBodyIsRefused() {
        String tampered = BODY.replace("alice", "bob");
        assertThatThrownBy(() -> verifier.verify("POST", headers(KNOWN_SIGNATURE, KEY.secretId(), TIMESTAMP)::get,
                tampered, "trtc"))
                .isInstanceOfSatisfying(CloudApiError.class, e -> assertThat(e.code()).isEqualTo("AuthFailure.SignatureFailure"))
                .hasMessageContaining("does not match");
    }

    @Test
    void aSignatureMadeWithAnotherKeyIsRefused() {
        String canonical = Tc3Signature.canonicalRequest("POST",
                "content-type:application/json; charset=utf-8\nhost:127.0.0.1:8090\n", "content-type;host", BODY);
        String forged = Tc3Signature.of("not-the-secret-key", "trtc", TIMESTAMP, canonical);
        assertThatThrownBy(() -> verifier.verify("POST", headers(forged, KEY.secretId(), TIMESTAMP)::get, BODY, "trtc"))
                .isInstanceOfSatisfying(CloudApiError.class, e -> assertThat(e.code()).isEqualTo("AuthFailure.SignatureFailure"));
    }

    @Test
    void anUnknownSecretIdIsRefused() {
        assertThatThrownBy(() -> verifier.verify("POST", headers(KNOWN_SIGNATURE, "AKIDnobody", TIMESTAMP)::get, BODY, "trtc"))
                .isInstanceOfSatisfying(CloudApiError.class, e -> assertThat(e.code()).isEqualTo("AuthFailure.SecretIdNotFound"))
                .hasMessageContaining("AKIDnobody");
    }

    @Test
    void aStaleTimestampIsRefusedEvenWhenTheSignatureIsRight() {
        Tc3Verifier sixMinutesLater = verifierAt(TIMESTAMP + 6 * 60);
        assertThatThrownBy(() -> sixMinutesLater.verify("POST", headers(KNOWN_SIGNATURE, KEY.secretId(), TIMESTAMP)::get,
                BODY, "trtc"))
                .isInstanceOfSatisfying(CloudApiError.class, e -> assertThat(e.code()).isEqualTo("AuthFailure.SignatureExpire"))
                .hasMessageContaining(Long.toString(TIMESTAMP));
        assertThat(verifierAt(TIMESTAMP + 5 * 60).verify("POST", headers(KNOWN_SIGNATURE, KEY.secretId(), TIMESTAMP)::get,
                BODY, "trtc")).isEqualTo(KEY);
    }

    @Test
    void aMissingOrMalformedAuthorizationIsRefused() {
        Map<String, String> none = headers(KNOWN_SIGNATURE, KEY.secretId(), TIMESTAMP);
        none.remove("authorization");
        assertThatThrownBy(() -> verifier.verify("POST", none::get, BODY, "trtc"))
                .isInstanceOfSatisfying(CloudApiError.class, e -> assertThat(e.code()).isEqualTo("AuthFailure.SignatureFailure"))
                .hasMessageContaining("missing");
        Map<String, String> garbled = headers(KNOWN_SIGNATURE, KEY.secretId(), TIMESTAMP);
        garbled.put("authorization", "Bearer something");
        assertThatThrownBy(() -> verifier.verify("POST", garbled::get, BODY, "trtc"))
                .isInstanceOfSatisfying(CloudApiError.class, e -> assertThat(e.code()).isEqualTo("AuthFailure.SignatureFailure"));
    }

    private static Tc3Verifier verifierAt(long nowSeconds) {
        return new Tc3Verifier(id -> id.equals(KEY.secretId()) ? Optional.of(KEY) : Optional.empty(),
                Clock.fixed(Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC));
    }

    /** Headers as a server reads them: any case (here stored lower case and looked up so). */
    private static Map<String, String> headers(String signature, String secretId, long timestamp) {
        Map<String, String> headers = new HashMap<>() {
            @Override
            public String get(Object name) {
                return super.get(((String) name).toLowerCase(Locale.ROOT));
            }
        };
        headers.put("authorization", "TC3-HMAC-SHA256 Credential=" + secretId + "/" + Tc3Signature.date(timestamp)
                + "/trtc/tc3_request, SignedHeaders=content-type;host, Signature=" + signature);
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("host", "127.0.0.1:8090");
        headers.put("x-tc-timestamp", Long.toString(timestamp));
        return headers;
    }
}
