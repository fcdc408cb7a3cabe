package io.trtcsim.load;

/**
 * What one load process cost over an interval: CPU in cores (CPU seconds per second, every thread
 * of the process, libwebrtc's native ones and, on the embedded stack, the simulator's), resident
 * memory (VmRSS) and the Java heap in use at its end.
 */
public record HarnessFigures(int shard, double cpuCores, double residentMegabytes, double heapMegabytes) {
}
