package io.trtcsim.soak;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * What this JVM holds at one instant, after the garbage is gone: native threads ({@code Threads}
 * of /proc/self/status: Java threads and libwebrtc's alike), open file descriptors (entries of
 * /proc/self/fd), the resident set (VmRSS), live Java threads and the heap in use after three
 * full collections; and the native threads by name, to tell which kind grew.
 */
record ProcessFigures(long nativeThreads, long openFileDescriptors, long residentKilobytes, long javaThreads,
                      long heapAfterGcKilobytes, ThreadNames threadNames) {

    private static final int COLLECTIONS = 3;

    static ProcessFigures now() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
        }
        long heap = memory.getHeapMemoryUsage().getUsed() / 1024;
        long javaThreads = ManagementFactory.getThreadMXBean().getThreadCount();
        ProcStatus status = ProcStatus.ofThisProcess();
        return new ProcessFigures(status.number("Threads"), ProcStatus.openFileDescriptors(), status.number("VmRSS"),
                javaThreads, heap, ThreadNames.ofThisProcess());
    }

    /** The figure {@code figure} names, for the tolerance that checks it. */
    long value(Figure figure) {
        return switch (figure) {
            case NATIVE_THREADS -> nativeThreads;
            case OPEN_FILE_DESCRIPTORS -> openFileDescriptors;
            case RESIDENT_KILOBYTES -> residentKilobytes;
            case JAVA_THREADS -> javaThreads;
            case HEAP_AFTER_GC_KILOBYTES -> heapAfterGcKilobytes;
        };
    }

    String line() {
        return "native threads " + nativeThreads + ", fds " + openFileDescriptors + ", RSS " + residentKilobytes / 1024
                + " MB, Java threads " + javaThreads + ", heap after GC " + heapAfterGcKilobytes / 1024 + " MB";
    }

    /** The figures a soak run compares, each with its name and unit. */
    enum Figure {
        NATIVE_THREADS("native threads", ""),
        OPEN_FILE_DESCRIPTORS("open file descriptors", ""),
        RESIDENT_KILOBYTES("resident memory (VmRSS)", " kB"),
        JAVA_THREADS("Java threads", ""),
        HEAP_AFTER_GC_KILOBYTES("heap after GC", " kB");

        final String label;
        final String unit;

        Figure(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }
    }
}
