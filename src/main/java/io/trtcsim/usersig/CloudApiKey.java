package io.trtcsim.usersig;

/**
 * A Tencent Cloud API key (SecretId and SecretKey, as the CAM console shows them): what signs an app
 * server's TC3-HMAC-SHA256 calls to the server API. Not the application's UserSig key.
 */
public record CloudApiKey(String secretId, String secretKey) {

    public CloudApiKey {
        if (secretId == null || secretId.isBlank()) {
            throw new IllegalArgumentException("cloud API secretId must not be blank");
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("cloud API secretKey of " + secretId + " must not be blank");
        }
    }

    /** The SecretKey is redacted so that logging the key never leaks it. */
    @Override
    public String toString() {
        return "CloudApiKey[secretId=" + secretId + ", secretKey=***]";
    }
}
