package io.trtcsim.stack.janus;

import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RtcError;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what went wrong with Janus into the SDK's documented errors. A refusal keeps Janus's code
 * and text in the message; the TRTC code depends on the operation, except where Janus's code says
 * more (an unknown feed is REMOTE_STREAM_NOT_EXIST whatever the operation).
 */
final class JanusErrors {

    /** VideoRoom: JANUS_VIDEOROOM_ERROR_ALREADY_PUBLISHED. */
    private static final int ALREADY_PUBLISHED = 434;
    /** VideoRoom: JANUS_VIDEOROOM_ERROR_NOT_PUBLISHED. */
    private static final int NOT_PUBLISHED = 435;

    private JanusErrors() {
    }

    static RtcError toRtcError(Throwable failure, ErrorCode fallback, String operation) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RtcError error) {
            return error;
        }
        if (cause instanceof JanusException refused) {
            ErrorCode code = switch (refused.code()) {
                case JanusException.NO_SUCH_FEED -> ErrorCode.REMOTE_STREAM_NOT_EXIST;
                case ALREADY_PUBLISHED, NOT_PUBLISHED -> ErrorCode.INVALID_OPERATION;
                default -> fallback;
            };
            return new RtcError(code, operation + ": Janus refused it with error " + refused.code() + " \""
                    + refused.reason() + "\"", refused);
        }
        return new RtcError(fallback, operation + " failed: " + describe(cause), cause);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The innermost cause, by class and message: what a log line or an error message should show. */
    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
