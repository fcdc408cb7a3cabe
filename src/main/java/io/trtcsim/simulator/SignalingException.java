package io.trtcsim.simulator;

import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.ExtraCode;
import java.util.OptionalInt;

/**
 * A request the simulator refuses; becomes an error response with TRTC's code, the server's extra
 * code where TRTC documents one (a refused userSig, privateMapKey or room id) or the simulator's own
 * documented one (a limit reached), and this message.
 */
final class SignalingException extends RuntimeException {

    private final ErrorCode code;
    private final OptionalInt extraCode;

    SignalingException(ErrorCode code, String message) {
        this(code, OptionalInt.empty(), message);
    }

    SignalingException(ErrorCode code, ExtraCode extraCode, String message) {
        this(code, OptionalInt.of(extraCode.code()), message);
    }

    /** A refusal with the simulator's own extra code (docs/simulator-protocol.md, "Limits"). */
    SignalingException(ErrorCode code, int extraCode, String message) {
        this(code, OptionalInt.of(extraCode), message);
    }

    private SignalingException(ErrorCode code, OptionalInt extraCode, String message) {
        super(message);
        this.code = code;
        this.extraCode = extraCode;
    }

    static SignalingException invalidParameter(String message) {
        return new SignalingException(ErrorCode.INVALID_PARAMETER, message);
    }

    static SignalingException invalidOperation(String message) {
        return new SignalingException(ErrorCode.INVALID_OPERATION, message);
    }

    ErrorCode code() {
        return code;
    }

    OptionalInt extraCode() {
        return extraCode;
    }
}
