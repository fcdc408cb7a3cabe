package io.trtcsim.stack;

/** A server API call the stack refused or could not be reached for. */
public class ServerApiException extends RuntimeException {

    private final int status;

    public ServerApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or -1 when no answer came. */
    public int status() {
        return status;
    }
}
