package io.trtcsim.load;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The figures the thresholds judge: every planned stream of a joined subscriber over the steady
 * window, which opens when the ramp is over and the warm-up has passed and closes at the run's end
 * (a run stopped before that is measured over all it ran, and says so by its window).
 */
@JsonIgnoreProperties(value = "aggregate", allowGetters = true)
public record LoadSummary(double windowStartSeconds, double windowEndSeconds, int joined, int failed, int planned,
                          int streamsPlanned, List<StreamFigures> streams) {

    public LoadSummary {
        streams = List.copyOf(streams);
    }

    @JsonProperty
    public StreamAggregate aggregate() {
        return StreamAggregate.of(streams);
    }
}
