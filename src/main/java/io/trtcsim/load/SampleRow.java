package io.trtcsim.load;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One line of load-samples.csv: an interval's figures, for a spreadsheet or a plotting tool of one's own. */
@JsonPropertyOrder({"elapsedSeconds", "joined", "failed", "planned", "streamsRendering", "streamsPlanned", "fpsMin",
        "fpsMedian", "latencyP50MedianMillis", "latencyP95MedianMillis", "latencyP95WorstMillis", "latencyP99WorstMillis",
        "freezes", "cpuCores", "residentMegabytes", "heapMegabytes"})
public record SampleRow(double elapsedSeconds, int joined, int failed, int planned, int streamsRendering, int streamsPlanned,
                        double fpsMin, double fpsMedian, double latencyP50MedianMillis, double latencyP95MedianMillis,
                        double latencyP95WorstMillis, double latencyP99WorstMillis, int freezes, double cpuCores,
                        double residentMegabytes, double heapMegabytes) {

    public static SampleRow of(LoadSample sample) {
        StreamAggregate streams = sample.aggregate();
        return new SampleRow(sample.elapsedSeconds(), sample.joined(), sample.failed(), sample.planned(),
                streams.rendering(), sample.streamsPlanned(), streams.fpsMin(), streams.fpsMedian(),
                streams.latencyP50Median(), streams.latencyP95Median(), streams.latencyP95Worst(), streams.latencyP99Worst(),
                streams.freezes(), sample.cpuCores(), sample.residentMegabytes(), sample.heapMegabytes());
    }
}
