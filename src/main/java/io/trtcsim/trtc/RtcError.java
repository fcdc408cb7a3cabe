package io.trtcsim.trtc;

/** The SDK's error, as TRTC's RtcError: a documented code and a message that says why. */
public class RtcError extends RuntimeException {

    private final ErrorCode code;

    public RtcError(ErrorCode code, String message) {
        super(code.name() + " (" + code.code() + "): " + message);
        this.code = code;
    }

    public RtcError(ErrorCode code, String message, Throwable cause) {
        super(code.name() + " (" + code.code() + "): " + message, cause);
        this.code = code;
    }

    /** The numeric code, as RtcError.getCode() returns it. */
    public int getCode() {
        return code.code();
    }

    public ErrorCode errorCode() {
        return code;
    }
}
