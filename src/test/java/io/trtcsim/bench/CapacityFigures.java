package io.trtcsim.bench;

/**
 * One capacity step: alice publishing, {@code subscribers} of one audience receiving, measured over
 * one window. CPU and memory "per subscriber" are marginal: the step's figure less that of a window
 * with alice alone, measured first in the same step, divided by the subscribers.
 *
 * @param minFps the slowest subscriber's frame rate (from its sink, or from libwebrtc's counters)
 * @param medianFps the median subscriber's
 * @param worstP95Millis the highest 95th percentile of video latency (NaN without markers: stats-only)
 * @param medianP95Millis the median subscriber's
 * @param totalFreezes freezes over all subscribers in the window
 * @param worstFreezes the most freezes of one subscriber
 * @param worstAudioP95Millis the highest 95th percentile of audio latency (NaN when not measured)
 * @param processCores CPU of the whole JVM over the window, in cores
 * @param aloneCores CPU of the JVM with alice alone publishing, in cores
 * @param simulatorCores CPU of the simulator's own threads over the window
 * @param otherCores CPU other processes took from the machine over the window
 * @param residentMegabytes RSS at the window's end
 * @param aloneResidentMegabytes RSS with alice alone
 * @param heapUsedMegabytes Java heap in use at the window's end
 * @param nativeThreads threads of the process at the window's end
 * @param aloneNativeThreads threads with alice alone
 * @param setupSeconds from the first join to every subscriber rendering
 */
record CapacityFigures(Audience audience, int subscribers, double minFps, double medianFps, double worstP95Millis,
                       double medianP95Millis, long totalFreezes, long worstFreezes, double worstAudioP95Millis,
                       double processCores, double aloneCores, double simulatorCores, double otherCores,
                       double residentMegabytes, double aloneResidentMegabytes, double heapUsedMegabytes,
                       long nativeThreads, long aloneNativeThreads, double setupSeconds) {

    static final double MIN_FPS = 14;
    static final double MAX_P95_MILLIS = 150;

    /** Every subscriber at 14 fps or more; with markers, no worst p95 above 150 ms (a NaN one fails). */
    boolean meetsCriteria() {
        return minFps >= MIN_FPS && (!audience.measuresLatency() || worstP95Millis <= MAX_P95_MILLIS);
    }

    double coresPerSubscriber() {
        return (processCores - aloneCores) / subscribers;
    }

    double residentMegabytesPerSubscriber() {
        return (residentMegabytes - aloneResidentMegabytes) / subscribers;
    }

    double threadsPerSubscriber() {
        return (double) (nativeThreads - aloneNativeThreads) / subscribers;
    }

    /** The whole JVM's CPU as a share of the machine. */
    double machineShare(int cores) {
        return processCores / cores;
    }
}
