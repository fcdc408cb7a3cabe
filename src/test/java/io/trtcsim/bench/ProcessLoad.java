package io.trtcsim.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A reading of this JVM's CPU clocks, to be compared with a later one: the whole process's CPU
 * time, and that of the simulator's own threads. The embedded simulator runs in this JVM next to
 * every participant's libwebrtc engine, so only its threads tell what it costs: its media plane
 * names them "sfu-...", its signaling and HTTP run on Javalin's "JettyServerThreadPool-..." threads.
 *
 * @param wallNanos {@link System#nanoTime()} at the reading
 * @param processCpuNanos CPU time of the whole process (every thread, native ones included)
 * @param simulatorThreadCpuNanos CPU time of each live simulator thread, by thread id
 * @param machineBusyTicks CPU time of the whole machine, every process, from /proc/stat (clock ticks)
 */
record ProcessLoad(long wallNanos, long processCpuNanos, Map<Long, Long> simulatorThreadCpuNanos,
                   long machineBusyTicks) {

    /** USER_HZ, the unit of /proc/stat: 100 on every Linux architecture this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    static boolean isSimulatorThread(String name) {
        return name.startsWith("sfu-") || name.startsWith("JettyServerThreadPool");
    }

    static ProcessLoad now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
            throw new IllegalStateException("this JVM does not measure the CPU time of threads");
        }
        Map<Long, Long> simulator = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            // null: the thread ended between the two calls.
            if (info != null && isSimulatorThread(info.getThreadName())) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    simulator.put(info.getThreadId(), cpu);
                }
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new ProcessLoad(System.nanoTime(), os.getProcessCpuTime(), Map.copyOf(simulator), readMachineBusyTicks());
    }

    /** CPU of the whole process since {@code earlier}, in cores (CPU seconds per wall-clock second). */
    double processCoresSince(ProcessLoad earlier) {
        return (double) (processCpuNanos - earlier.processCpuNanos) / (wallNanos - earlier.wallNanos);
    }

    /**
     * CPU of the simulator's threads since {@code earlier}, in cores. A thread started in between
     * counts from zero; one that ended in between is missed (the simulator's threads live as long
     * as it, or as long as a connection).
     */
    double simulatorCoresSince(ProcessLoad earlier) {
        long spent = 0;
        for (Map.Entry<Long, Long> thread : simulatorThreadCpuNanos.entrySet()) {
            spent += thread.getValue() - earlier.simulatorThreadCpuNanos.getOrDefault(thread.getKey(), 0L);
        }
        return (double) spent / (wallNanos - earlier.wallNanos);
    }

    /**
     * CPU that other processes (another Maven run, say) took from the machine since {@code earlier},
     * in cores: when it is high, this JVM's figures were measured on a machine it did not have to itself.
     */
    double otherCoresSince(ProcessLoad earlier) {
        double machine = (machineBusyTicks - earlier.machineBusyTicks) / TICKS_PER_SECOND
                / ((wallNanos - earlier.wallNanos) / 1e9);
        return Math.max(0, machine - processCoresSince(earlier));
    }

    /** Busy time of all CPUs: the first line of /proc/stat less its idle and iowait fields. */
    private static long readMachineBusyTicks() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.findFirst().orElseThrow().trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal [guest guest_nice: already in user and nice]
            for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resident set size now, in MB, from /proc/self/status (VmRSS, in kB). */
    static double residentMegabytes() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("/proc/self/status has no VmRSS line")) / 1024.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Native threads of the process now (Java threads and libwebrtc's alike): the entries of /proc/self/task. */
    static long nativeThreads() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
