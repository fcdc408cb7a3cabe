package io.trtcsim.load;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads what this load process costs: its CPU since the previous reading (the process's CPU time,
 * every thread including libwebrtc's native ones), its resident memory (VmRSS of
 * /proc/self/status: the Java heap is a small part of it, libwebrtc's engines the rest) and its heap.
 * Read by one thread at a time.
 */
final class HarnessGauge {

    private static final Path STATUS = Path.of("/proc/self/status");

    private final int shard;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long lastCpuNanos = os.getProcessCpuTime();
    private long lastWallNanos = System.nanoTime();

    HarnessGauge(int shard) {
        this.shard = shard;
    }

    synchronized HarnessFigures read() {
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        double cores = wall > lastWallNanos && cpu >= 0 ? (double) (cpu - lastCpuNanos) / (wall - lastWallNanos) : Double.NaN;
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        return new HarnessFigures(shard, cores, residentMegabytes(), memory.getHeapMemoryUsage().getUsed() / 1048576.0);
    }

    /** VmRSS in MB; NaN where /proc/self/status does not exist (not Linux). */
    static double residentMegabytes() {
        if (!Files.isReadable(STATUS)) {
            return Double.NaN;
        }
        try (Stream<String> lines = Files.lines(STATUS)) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(STATUS + " has no VmRSS line")) / 1024.0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STATUS, e);
        }
    }
}
