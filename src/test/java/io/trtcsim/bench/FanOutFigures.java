package io.trtcsim.bench;

/**
 * One step of the fan-out: one publisher, {@code subscribers} subscribers, all rendering, measured
 * over one window.
 *
 * @param stack the stack the step ran on
 * @param subscribers how many subscribers played the publisher's stream
 * @param minFps the slowest subscriber's frame rate in the window
 * @param medianFps the median subscriber's frame rate
 * @param worstP95Millis the highest 95th percentile of video latency over the subscribers
 * @param medianP95Millis the median subscriber's 95th percentile of video latency
 * @param processCores CPU of the whole JVM over the window, in cores (participants' engines included)
 * @param simulatorCores CPU of the simulator's own threads over the window, in cores (NaN when the
 *                       stack runs outside this JVM)
 * @param otherCores CPU that other processes of the machine took over the window, in cores (a
 *                   second Maven run shows here: the figures were then measured on a shared machine)
 * @param residentMegabytes RSS of the JVM at the end of the window
 * @param nativeThreads native threads of the JVM at the end of the window
 * @param firstFrameMedianMillis median, over the subscribers, of subscribe to first rendered frame
 * @param firstFrameMaxMillis the slowest of them
 * @param setupSeconds from the start of the step to every subscriber rendering
 */
record FanOutFigures(String stack, int subscribers, double minFps, double medianFps, double worstP95Millis,
                     double medianP95Millis, double processCores, double simulatorCores, double otherCores,
                     double residentMegabytes,
                     long nativeThreads, double firstFrameMedianMillis, double firstFrameMaxMillis,
                     double setupSeconds) {

    /** Every subscriber at least this many frames per second. */
    static final double MIN_FPS = 14;
    /** No subscriber's 95th percentile of video latency above this. */
    static final double MAX_P95_MILLIS = 150;

    /** A NaN latency (no marked frame at all) fails too: a subscriber that saw nothing readable did not get the stream. */
    boolean meetsCriteria() {
        return minFps >= MIN_FPS && worstP95Millis <= MAX_P95_MILLIS;
    }
}
