package io.trtcsim.sdk;

import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RtcError;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the SDK's asynchronous calls fail: an app sees an {@link RtcError} with TRTC's code, whatever
 * failed underneath (a stack's refusal, a timeout, a peer connection), never a bare exception.
 */
final class SignalingFutures {

    private SignalingFutures() {
    }

    /** The operation, or SERVER_TIMEOUT naming it if it has not completed within {@code timeout}. */
    static <T> CompletableFuture<T> within(CompletableFuture<T> operation, Duration timeout, String what) {
        return within(operation, timeout, what, ErrorCode.SERVER_TIMEOUT);
    }

    /** The operation, or {@code onTimeout} naming it if it has not completed within {@code timeout}. */
    static <T> CompletableFuture<T> within(CompletableFuture<T> operation, Duration timeout, String what,
                                           ErrorCode onTimeout) {
        return operation.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof TimeoutException) {
                        throw new RtcError(onTimeout, what + " did not complete within " + timeout.toMillis() + " ms");
                    }
                    throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
                });
    }

    /** The RtcError inside a failure's wrappers, or one of {@code fallback} that names the cause. */
    static RtcError asRtcError(Throwable failure, ErrorCode fallback, String what) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RtcError rtc ? rtc : new RtcError(fallback, what + ": " + cause, cause);
    }

    static <T> CompletableFuture<T> failed(ErrorCode code, String message) {
        return CompletableFuture.failedFuture(new RtcError(code, message));
    }
}
