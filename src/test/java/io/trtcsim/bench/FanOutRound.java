package io.trtcsim.bench;

import java.util.Arrays;
import java.util.Map;

/**
 * One publish by the anchor heard by the whole audience: when each member got stream-added,
 * counted from the simulator's announcement and from the anchor's publish() returning, and what
 * the process spent meanwhile.
 *
 * @param round 1, 2, 3... of the measured rounds
 * @param publishMillis how long alice's publish() took (until her uplink connected)
 * @param fromAnnouncement latencies from the simulator's announcement (its log line's time)
 * @param fromPublish latencies from publish() returning (the simulator announces when its side of
 *     the uplink connects, before alice's side does: early members are negative)
 * @param processCores the process's CPU, in cores, from publish() to the last stream-added
 * @param otherCores the CPU other processes took from the machine meanwhile (another build), in cores
 * @param threadCores cores by thread group as the kernel counts them (the JIT's and the GC's threads
 *     included), from publish() to the last stream-added, busiest first
 */
record FanOutRound(int round, double publishMillis, Percentiles fromAnnouncement, Percentiles fromPublish,
                   double processCores, double otherCores, Map<String, Double> threadCores) {

    /** The busiest thread groups, "name cores", for a table cell. */
    String busiestThreads(int count) {
        return threadCores.entrySet().stream().limit(count)
                .map(entry -> entry.getKey() + " " + Format.cores(entry.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** p50, p95, p99 and max of latencies in ms, nearest rank. */
    record Percentiles(double p50, double p95, double p99, double max) {

        static Percentiles of(long[] arrivalNanos, long fromNanos) {
            double[] millis = Arrays.stream(arrivalNanos).mapToDouble(at -> (at - fromNanos) / 1e6).sorted().toArray();
            return new Percentiles(rank(millis, 50), rank(millis, 95), rank(millis, 99), millis[millis.length - 1]);
        }

        private static double rank(double[] sorted, double percent) {
            int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        String describe() {
            return Format.decimal(p50) + " / " + Format.decimal(p95) + " / " + Format.decimal(p99) + " / " + Format.decimal(max);
        }
    }
}
