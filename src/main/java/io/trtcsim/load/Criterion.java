package io.trtcsim.load;

/** What a threshold of a load run limits, each read from the steady window's figures. */
public enum Criterion {
    /** Every stream's frame rate at least this: the lowest stream is judged. */
    MIN_FPS("--min-fps", "lowest stream frame rate", "fps") {
        @Override
        double measure(LoadSummary summary) {
            return summary.aggregate().fpsMin();
        }

        @Override
        boolean met(double measured, double limit) {
            return measured >= limit;
        }
    },
    /** Every stream's 95th percentile of latency at most this: the worst stream is judged. */
    MAX_P95_MS("--max-p95-ms", "worst stream latency p95", "ms") {
        @Override
        double measure(LoadSummary summary) {
            return summary.aggregate().latencyP95Worst();
        }

        @Override
        boolean met(double measured, double limit) {
            return measured <= limit;
        }
    },
    /** Freezes (libwebrtc's rule) of all streams together at most this. */
    MAX_FREEZES("--max-freezes", "freezes of all streams", "") {
        @Override
        double measure(LoadSummary summary) {
            return summary.aggregate().freezes();
        }

        @Override
        boolean met(double measured, double limit) {
            return measured <= limit;
        }
    };

    private final String option;
    private final String description;
    private final String unit;

    Criterion(String option, String description, String unit) {
        this.option = option;
        this.description = description;
        this.unit = unit;
    }

    /** The measured value; NaN when the window has nothing to measure (no stream rendered). */
    abstract double measure(LoadSummary summary);

    /** Whether the value meets the limit; NaN never does. */
    abstract boolean met(double measured, double limit);

    public String option() {
        return option;
    }

    public String description() {
        return description;
    }

    public String unit() {
        return unit;
    }
}
