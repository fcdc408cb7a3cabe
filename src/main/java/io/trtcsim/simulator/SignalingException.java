package io.trtcsim.simulator;

import io.trtcsim.trtc.ErrorCode;

/** A request the simulator refuses; becomes an error response with TRTC's code and this message. */
final class SignalingException extends RuntimeException {

    private final ErrorCode code;

    SignalingException(ErrorCode code, String message) {
        super(message);
        this.code = code;
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
}
