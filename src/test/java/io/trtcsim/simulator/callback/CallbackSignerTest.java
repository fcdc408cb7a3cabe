package io.trtcsim.simulator.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CallbackSignerTest {

    private final CallbackSigner signer = new CallbackSigner();

    @Test
    void signsWithHmacSha256InStandardBase64() {
        // RFC 4231, test case 2.
        assertThat(signer.sign("Jefe", "what do ya want for nothing?"))
                .isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
    }

    @Test
    void keyAndBodyAreTakenAsUtf8() {
        // openssl dgst -sha256 -hmac 'clé' -binary | base64, over the UTF-8 bytes of the body.
        assertThat(signer.sign("clé", "{\"a\":\"zoë\"}")).isEqualTo("zh4xX7JS4JW/4wlpVYok4tX42GJBH/t21lK1taz2e+c=");
    }

    @Test
    void verifiesItsOwnSignOnly() {
        String body = "{\"EventGroupId\":1}";
        String sign = signer.sign("key", body);

        assertThat(signer.verify("key", body, sign)).isTrue();
        assertThat(signer.verify("other key", body, sign)).isFalse();
        assertThat(signer.verify("key", body + " ", sign)).isFalse();
        assertThat(signer.verify("key", body, sign.substring(1))).isFalse();
        assertThat(signer.verify("key", body, null)).isFalse();
    }

    @Test
    void refusesAnEmptyKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> signer.sign("", "{}"))
                .withMessageContaining("callbackKey must not be empty");
    }
}
