package io.trtcsim.stack;

/** A server API call the stack refused or could not be reached for. */
public class ServerApiException extends RuntimeException {

    private final String code;

    public ServerApiException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Tencent Cloud API's error code (AuthFailure.SignatureFailure, ...), or the SDK's when no answer came. */
    public String code() {
        return code;
    }
}
