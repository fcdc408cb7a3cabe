package io.trtcsim.load;

/** What the load command's exit status says. */
public enum ExitStatus {
    /** Every threshold met, every participant joined, the run lasted its duration. */
    PASSED(0),
    /** A threshold missed, a participant that could not join, or a shard interrupted or missing. */
    NOT_PASSED(1),
    /** Refused before starting: an option or a shard's report is wrong, or the plan does not fit the machine. */
    BAD_INPUT(2),
    /** The run could not be carried out: the stack did not start, or the harness failed. */
    COULD_NOT_RUN(3);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static ExitStatus of(LoadReport report) {
        return report.passed() ? PASSED : NOT_PASSED;
    }
}
