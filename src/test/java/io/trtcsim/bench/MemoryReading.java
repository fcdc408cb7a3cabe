package io.trtcsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * What this JVM holds at one instant, after the garbage is gone: the heap in use after three full
 * collections ({@code System.gc()}, a stop-the-world collection with G1 unless the JVM was told
 * otherwise), the live Java threads and the native ones (libwebrtc's included), the resident set.
 */
record MemoryReading(long heapUsedBytes, int javaThreads, long nativeThreads, double residentMegabytes) {

    private static final int COLLECTIONS = 3;

    static MemoryReading afterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
        }
        return new MemoryReading(memory.getHeapMemoryUsage().getUsed(), ManagementFactory.getThreadMXBean().getThreadCount(),
                ProcessLoad.nativeThreads(), ProcessLoad.residentMegabytes());
    }

    /** Heap grown since {@code before}, per one of {@code count} things added meanwhile, in KB. */
    double heapKilobytesEachSince(MemoryReading before, int count) {
        return (heapUsedBytes - before.heapUsedBytes) / 1024.0 / count;
    }
}
