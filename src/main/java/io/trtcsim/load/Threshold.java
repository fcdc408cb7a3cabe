package io.trtcsim.load;

/** A limit a load run must keep, stated on the command line ({@code --min-fps 14}). */
public record Threshold(Criterion criterion, double limit) {

    public Threshold {
        if (!(limit >= 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException(criterion.option() + " " + limit + ": a threshold is a finite number, 0 or more");
        }
    }

    public Verdict judge(LoadSummary summary) {
        double measured = criterion.measure(summary);
        return new Verdict(this, measured, !Double.isNaN(measured) && criterion.met(measured, limit));
    }

    @Override
    public String toString() {
        return criterion.option() + " " + LoadPlan.trim(limit);
    }
}
