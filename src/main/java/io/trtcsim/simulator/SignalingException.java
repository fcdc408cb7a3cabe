package io.trtcsim.simulator;

import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.ExtraCode;
import java.util.Optional;

/**
 * A request the simulator refuses; becomes an error response with TRTC's code, the server's extra
 * code where TRTC documents one (a refused userSig, privateMapKey or room id), and this message.
 */
final class SignalingException extends RuntimeException {

    private final ErrorCode code;
    private final Optional<ExtraCode> extraCode;

    SignalingException(ErrorCode code, String message) {
        this(code, Optional.empty(), message);
    }

    SignalingException(ErrorCode code, ExtraCode extraCode, String message) {
        this(code, Optional.of(extraCode), message);
    }

    private SignalingException(ErrorCode code, Optional<ExtraCode> extraCode, String message) {
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

    Optional<ExtraCode> extraCode() {
        return extraCode;
    }
}
