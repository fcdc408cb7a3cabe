package io.trtcsim.usersig;

/** A refused UserSig; {@link #reason()} is for code, the message for people. */
public class UserSigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final UserSigFailure reason;

    public UserSigException(UserSigFailure reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public UserSigException(UserSigFailure reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public UserSigFailure reason() {
        return reason;
    }
}
