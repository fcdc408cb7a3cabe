package io.trtcsim.simulator.cloudapi;

/**
 * A refusal as Tencent Cloud API 3.0 answers it: {@code {"Response":{"Error":{"Code","Message"},"RequestId"}}}.
 * The code is Tencent's (AuthFailure.SignatureFailure, InvalidParameter, ...).
 */
public final class CloudApiError extends RuntimeException {

    private final String code;

    public CloudApiError(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
