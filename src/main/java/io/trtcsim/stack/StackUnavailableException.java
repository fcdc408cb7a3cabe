package io.trtcsim.stack;

/**
 * The chosen stack cannot run on this machine: a program, a Docker daemon or an image is missing.
 * The message says what is missing and how to get it. Scenarios are skipped with it, never failed:
 * nothing about the stack's behaviour was learned.
 */
public class StackUnavailableException extends IllegalStateException {

    public StackUnavailableException(String reason) {
        super(reason);
    }

    public StackUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
