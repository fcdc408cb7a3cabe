package io.trtcsim.load;

/** How a load run ended. */
public enum RunEnd {
    /** It lasted its --duration. */
    COMPLETED,
    /** It was stopped before (Ctrl-C, SIGTERM): its report holds what it measured until then. */
    INTERRUPTED
}
