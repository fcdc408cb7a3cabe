package io.trtcsim.load;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One interval of a load run: who had joined by its end, what every planned stream of a joined
 * subscriber rendered during it, and what the load process (or, merged, each shard's) cost.
 *
 * @param elapsedSeconds the interval's end, in seconds since the run began
 * @param intervalSeconds the interval's length (the last one of a run may be shorter)
 * @param joined participants in their room at the interval's end
 * @param failed participants whose join (or publish) failed so far
 * @param planned participants planned
 * @param streamsPlanned streams planned (subscribers × publishers of their room)
 */
@JsonIgnoreProperties(value = "aggregate", allowGetters = true)
public record LoadSample(double elapsedSeconds, double intervalSeconds, int joined, int failed, int planned,
                         int streamsPlanned, List<StreamFigures> streams, List<HarnessFigures> harness) {

    public LoadSample {
        streams = List.copyOf(streams);
        harness = List.copyOf(harness);
    }

    @JsonProperty
    public StreamAggregate aggregate() {
        return StreamAggregate.of(streams);
    }

    public double cpuCores() {
        return harness.stream().mapToDouble(HarnessFigures::cpuCores).sum();
    }

    public double residentMegabytes() {
        return harness.stream().mapToDouble(HarnessFigures::residentMegabytes).sum();
    }

    public double heapMegabytes() {
        return harness.stream().mapToDouble(HarnessFigures::heapMegabytes).sum();
    }
}
