package io.trtcsim.trtc;

import java.util.OptionalInt;

/** The SDK's error, as TRTC's RtcError: a documented code, the server's extra code if any, and a message that says why. */
public class RtcError extends RuntimeException {

    private final ErrorCode code;
    private final OptionalInt extraCode;
    private final String reason;

    public RtcError(ErrorCode code, String message) {
        this(code, OptionalInt.empty(), message);
    }

    public RtcError(ErrorCode code, String message, Throwable cause) {
        super(code.name() + " (" + code.code() + "): " + message, cause);
        this.code = code;
        this.extraCode = OptionalInt.empty();
        this.reason = message;
    }

    /** An error with the server's reason as a number (getExtraCode()), when the server gave one. */
    public RtcError(ErrorCode code, OptionalInt extraCode, String message) {
        super(code.name() + " (" + code.code() + (extraCode.isPresent() ? ", extra code " + extraCode.getAsInt() : "")
                + "): " + message);
        this.code = code;
        this.extraCode = extraCode;
        this.reason = message;
    }

    /**
     * RtcError.getExtraCode(): the server's reason behind the code (an account or room-entry code,
     * e.g. 70001 for an expired userSig); empty when the error has none, as the SDK's is undefined.
     */
    public OptionalInt getExtraCode() {
        return extraCode;
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
