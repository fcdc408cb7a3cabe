package io.trtcsim.load;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one load run (or, merged, several shards of one) measured: the shards and their plans,
 * one sample per interval, the steady window's figures, each threshold's verdict and what failed.
 * Written as JSON (the merge reads it back), as CSV and as an HTML page ({@link LoadReportFiles}).
 *
 * @param failures participants that could not join or publish, shards missing from a merge
 */
@JsonIgnoreProperties(value = "passed", allowGetters = true)
public record LoadReport(List<ShardRun> shards, List<LoadSample> samples, LoadSummary summary, List<Verdict> verdicts,
                         List<String> failures) {

    public LoadReport {
        shards = List.copyOf(shards);
        samples = List.copyOf(samples);
        verdicts = List.copyOf(verdicts);
        failures = List.copyOf(failures);
    }

    /** Judges the summary by each threshold. */
    public static LoadReport judged(List<ShardRun> shards, List<LoadSample> samples, LoadSummary summary,
                                    List<Threshold> thresholds, List<String> failures) {
        return new LoadReport(shards, samples, summary, thresholds.stream().map(t -> t.judge(summary)).toList(), failures);
    }

    /** Every threshold met, every participant joined, every shard ran to its end. */
    @JsonProperty
    public boolean passed() {
        return whyNotPassed().isEmpty();
    }

    /** One line for each reason the run did not pass; empty when it passed. */
    public List<String> whyNotPassed() {
        List<String> reasons = new ArrayList<>();
        verdicts.stream().filter(v -> !v.met()).map(Verdict::describe).forEach(reasons::add);
        if (!failures.isEmpty()) {
            reasons.add(failures.size() + " failure(s), the first: " + failures.get(0));
        }
        shards.stream().filter(s -> s.end() == RunEnd.INTERRUPTED)
                .map(s -> "shard " + s.shardIndex() + " was interrupted after " + Math.round(s.ranSeconds()) + " s")
                .forEach(reasons::add);
        return reasons;
    }

    /** The thresholds the verdicts judged. */
    public List<Threshold> thresholds() {
        return verdicts.stream().map(Verdict::threshold).toList();
    }

    /** Every participant that joined, in every shard. */
    public List<String> participants() {
        return shards.stream().flatMap(s -> s.participants().stream()).toList();
    }
}
