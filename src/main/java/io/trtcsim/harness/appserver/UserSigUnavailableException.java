package io.trtcsim.harness.appserver;

import java.net.URI;

/** The app server did not hand out a UserSig; the message says why in a QA engineer's words, {@link #reason()} for code. */
public class UserSigUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The app server answered with a status other than 2xx. */
        HTTP_ERROR,
        /** No answer within the client's timeout. */
        TIMEOUT,
        /** The connection was reset instead of answered. */
        CONNECTION_RESET,
        /** The connection was closed before any byte of an answer. */
        CONNECTION_CLOSED,
        /** A 2xx answer without a usable {@code userSig}. */
        NO_USERSIG,
        /** No connection could be made (refused, unknown host, connect timeout...). */
        UNREACHABLE,
        /** The waiting thread was interrupted. */
        INTERRUPTED
    }

    private final transient URI url;
    private final Reason reason;

    public UserSigUnavailableException(Reason reason, URI url, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.url = url;
    }

    public Reason reason() {
        return reason;
    }

    /** The full request URL, query included. */
    public URI url() {
        return url;
    }
}
