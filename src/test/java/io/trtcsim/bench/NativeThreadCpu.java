package io.trtcsim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of every thread of the process as the kernel counts it (/proc/self/task/N/stat, user
 * plus system time), named as the kernel knows them (the first 15 characters): this sees the JVM's
 * own threads (GC, the JIT's compilers) and libwebrtc's, which {@link ThreadCpu} cannot.
 */
record NativeThreadCpu(long wallNanos, Map<Long, String> names, Map<Long, Long> ticks) {

    /** USER_HZ, the unit of /proc's times. */
    private static final double TICKS_PER_SECOND = 100;

    static NativeThreadCpu now() {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    long id = Long.parseLong(task.getFileName().toString());
                    names.put(id, stat.substring(open + 1, close));
                    // After the name: state(0) ... utime(11) stime(12)
                    ticks.put(id, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/task", e);
        }
        return new NativeThreadCpu(System.nanoTime(), names, ticks);
    }

    /** Cores each group of threads (name without its trailing number) used since {@code earlier}, busiest first. */
    Map<String, Double> coresByGroupSince(NativeThreadCpu earlier) {
        Map<String, Long> spent = new HashMap<>();
        ticks.forEach((id, now) -> spent.merge(ThreadCpu.group(names.get(id)), now - earlier.ticks.getOrDefault(id, 0L), Long::sum));
        double seconds = (wallNanos - earlier.wallNanos) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        spent.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> cores.put(entry.getKey(), entry.getValue() / TICKS_PER_SECOND / seconds));
        return cores;
    }
}
