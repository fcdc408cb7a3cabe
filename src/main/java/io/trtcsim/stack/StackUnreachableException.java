package io.trtcsim.stack;

/**
 * A stack given by URL, said to be running elsewhere, does not answer as that kind of stack: nothing
 * listens there, or what listens is something else. Unlike {@link StackUnavailableException} this is
 * not about the machine lacking a program: the URL the user gave is wrong, or the stack is not up
 * yet, so scenarios fail with it rather than being skipped. The message names the URL.
 */
public class StackUnreachableException extends IllegalStateException {

    public StackUnreachableException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public StackUnreachableException(String reason) {
        super(reason);
    }
}
