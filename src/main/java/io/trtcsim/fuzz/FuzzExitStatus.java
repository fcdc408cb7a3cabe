package io.trtcsim.fuzz;

/** What the fuzz command's exit status says (docs/fuzzing.md). */
enum FuzzExitStatus {
    /** Every message sent; no crash, no hang, the sentinel undisturbed, /health always within 1 s. */
    PASSED(0),
    /** A finding: a crash, a hang, a disturbed sentinel or a slow /health. */
    FINDING(1),
    /** Refused before starting: an option or the fixtures are wrong. */
    BAD_INPUT(2),
    /** The run could not be carried out: nothing answers at the URL, or the sentinel could not join. */
    COULD_NOT_RUN(3);

    private final int code;

    FuzzExitStatus(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
