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
 * @param framesLost frames captured but never rendered (gaps in the markers' sequence)
 * @param freezes video freezes in the window (libwebrtc's rule)
 * @param audioGaps silences of the audio in the window
 */
record LatencyFigures(String path, double videoLatencyP50Millis, double videoLatencyP95Millis,
                      double audioLatencyP50Millis, double audioLatencyP95Millis, double firstFrameMillis, double fps,
                      long framesLost, int freezes, int audioGaps) {

    static LatencyFigures of(String path, MediaWindow window, double firstFrameMillis) {
        return new LatencyFigures(path, window.video().latencyP50Millis(), window.video().latencyP95Millis(),
                window.audio().latencyP50Millis(), window.audio().latencyP95Millis(), firstFrameMillis,
                window.video().meanFps(), window.video().framesLost(), window.video().freezeCount(),
                window.audio().gapCount());
    }
}
