package io.trtcsim.bench;

/**
 * What one path delivered to its receiver, for the latency comparison.
 *
 * @param path "direct", "embedded", "janus", ...
 * @param videoLatencyP50Millis capture-to-render latency from the in-picture markers, median
 * @param videoLatencyP95Millis ... 95th percentile
 * @param audioLatencyP50Millis capture-to-playout latency from the sound markers, median
 * @param audioLatencyP95Millis ... 95th percentile
 * @param firstFrameMillis from the subscribe call (direct: the offer) to the first rendered frame
 * @param fps frames rendered per second of the window
 */
record LatencyFigures(String path, double videoLatencyP50Millis, double videoLatencyP95Millis,
                      double audioLatencyP50Millis, double audioLatencyP95Millis, double firstFrameMillis, double fps) {

    static LatencyFigures of(String path, CallFigures call) {
        return new LatencyFigures(path, call.videoLatencyP50Millis(), call.videoLatencyP95Millis(),
                call.audioLatencyP50Millis(), call.audioLatencyP95Millis(), call.firstFrameMillis(), call.fps());
    }

    static LatencyFigures of(String path, MediaWindow window, double firstFrameMillis) {
        return new LatencyFigures(path, window.video().latencyP50Millis(), window.video().latencyP95Millis(),
                window.audio().latencyP50Millis(), window.audio().latencyP95Millis(), firstFrameMillis,
                window.video().meanFps());
    }
}
