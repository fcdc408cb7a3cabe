package io.trtcsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time of every live Java thread at one instant, to be compared with a later reading by
 * group: a thread's name without its trailing number ("client-events-3" is "client-events"), so a
 * pool counts as one. What the process spent besides (GC, the JIT, libwebrtc's own threads) is the
 * process's CPU less the sum.
 */
record ThreadCpu(long wallNanos, Map<Long, String> names, Map<Long, Long> cpuNanos) {

    static ThreadCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long spent = threads.getThreadCpuTime(info.getThreadId());
                if (spent >= 0) {
                    names.put(info.getThreadId(), info.getThreadName());
                    cpu.put(info.getThreadId(), spent);
                }
            }
        }
        return new ThreadCpu(System.nanoTime(), names, cpu);
    }

    static String group(String threadName) {
        return threadName.replaceAll("[-#]?\\d+$", "").replaceAll("-[0-9a-f]{6,8}-", "-");
    }

    /** Cores each group of threads used since {@code earlier}, the busiest first. */
    Map<String, Double> coresByGroupSince(ThreadCpu earlier) {
        double wall = wallNanos - earlier.wallNanos;
        Map<String, Double> cores = new LinkedHashMap<>();
        millisByGroupSince(earlier).forEach((group, millis) -> cores.put(group, millis * 1e6 / wall));
        return cores;
    }

    /** CPU milliseconds each group of threads used since {@code earlier}, the busiest first. */
    Map<String, Double> millisByGroupSince(ThreadCpu earlier) {
        Map<String, Long> spent = new HashMap<>();
        cpuNanos.forEach((id, now) -> spent.merge(group(names.get(id)), now - earlier.cpuNanos.getOrDefault(id, 0L), Long::sum));
        Map<String, Double> millis = new LinkedHashMap<>();
        spent.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> millis.put(entry.getKey(), entry.getValue() / 1e6));
        return millis;
    }
}
