package io.trtcsim.harness.appserver;

import java.time.Duration;

/** What {@link AppServer#failUserSigRequests(AppServerFault)} makes the UserSig endpoint do. */
public enum AppServerFault {

    /** Answers HTTP 500, as a crashed backend behind a proxy does. */
    SERVER_ERROR,

    /** Answers correctly, but only after {@link #SLOW_RESPONSE_DELAY}: longer than a sane client waits. */
    SLOW,

    /** Resets the TCP connection instead of answering. */
    CONNECTION_RESET;

    public static final Duration SLOW_RESPONSE_DELAY = Duration.ofMillis(3000);
}
