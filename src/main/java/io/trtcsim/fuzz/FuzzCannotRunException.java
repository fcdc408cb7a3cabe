package io.trtcsim.fuzz;

/** The fuzz run cannot be carried out (exit status 3); the message names the URL and why. */
final class FuzzCannotRunException extends RuntimeException {

    FuzzCannotRunException(String message, Throwable cause) {
        super(message, cause);
    }

    FuzzCannotRunException(String message) {
        super(message);
    }
}
