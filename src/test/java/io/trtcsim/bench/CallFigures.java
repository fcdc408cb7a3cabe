package io.trtcsim.bench;

/**
 * One round of the basic call on one stack: what a QA engineer compares between stacks.
 *
 * @param joinMillis Client.join of the publisher, request to resolution
 * @param publishMillis Client.publish, until the uplink is connected
 * @param subscribeMillis Client.subscribe, until stream-subscribed
 * @param firstFrameMillis from the subscribe call to the first rendered frame
 * @param fps frames rendered per second in the measurement window
 * @param freezes video freezes in the window (libwebrtc's rule)
 * @param videoLatencyP50Millis capture-to-render latency from the in-picture markers, median
 * @param videoLatencyP95Millis ... 95th percentile
 * @param videoLatencyMaxMillis ... highest
 * @param audioLatencyP50Millis capture-to-playout latency from the sound markers, median
 * @param audioLatencyP95Millis ... 95th percentile
 * @param audioGaps silences in the window
 */
record CallFigures(long joinMillis, long publishMillis, long subscribeMillis, double firstFrameMillis, double fps,
                   int freezes, double videoLatencyP50Millis, double videoLatencyP95Millis,
                   double videoLatencyMaxMillis, double audioLatencyP50Millis, double audioLatencyP95Millis,
                   int audioGaps) {
}
