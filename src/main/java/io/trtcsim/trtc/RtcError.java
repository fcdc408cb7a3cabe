package io.trtcsim.trtc;

/** The SDK's error, as TRTC's RtcError: a documented code and a message that says why. */
public class RtcError extends RuntimeException {

    private final ErrorCode code;
    private final String reason;

    public RtcError(ErrorCode code, String message) {
        super(code.name() + " (" + code.code() + "): " + message);
        this.code = code;
        this.reason = message;
    }

    public RtcError(ErrorCode code, String message, Throwable cause) {
        super(code.name() + " (" + code.code() + "): " + message, cause);
        this.code = code;
        this.reason = message;
    }

    /** What went wrong, without the code in front: for a side that reports the code its own way. */
    public String reason() {
        return reason;
    }

    /** The numeric code, as RtcError.getCode() returns it. */
    public int getCode() {
        return code.code();
    }

    public ErrorCode errorCode() {
        return code;
    }
}
