package io.trtcsim.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The memory a plan will take in one load process, said before it starts, so that a plan the
 * machine cannot hold is refused with figures instead of ending in the kernel's OOM killer or an
 * OutOfMemoryError an hour in. The costs were measured on this project's machines with this
 * command (docs/load.md, "Memory"), rounded up: resident memory per participant, and the Java heap
 * that grows with the run's length (each client keeps its WebRTC statistics of every second, each
 * render sink every frame's arrival, for the reports).
 *
 * @param residentMegabytes the process's resident memory at the end of the run
 * @param heapMegabytes the Java heap in use at the end of the run
 */
public record MemoryEstimate(LoadPlan plan, double residentMegabytes, double heapMegabytes) {

    /** The JVM, libwebrtc's native library, the harness and (embedded) the simulator, before any participant. */
    static final double PROCESS_MB = 330;
    /** A publisher: its engine, the synthetic camera and microphone, the encoders. */
    static final double PUBLISHER_MB = 14;
    /**
     * A subscriber beyond its streams: its client on the run's shared receive engine (docs/design.md,
     * "Participant kinds"; CapacityBenchmark measured 1.2–2.1 MB a subscriber, streams included).
     */
    static final double SUBSCRIBER_MB = 1;
    /** Each stream a subscriber decodes and renders. */
    static final double STREAM_MB = 2;
    /** An audience member: a signaling connection and a client, no engine (AudienceBenchmark: 0.08 MB of heap, 0.17 MB resident). */
    static final double AUDIENCE_MB = 0.2;
    /** The heap the harness needs before the statistics and frames kept start to add up. */
    static final double BASE_HEAP_MB = 120;
    /** Statistics and frame records kept per publisher or subscriber, per hour of run (measured 37 MB). */
    static final double HEAP_MB_PER_MEDIA_PARTICIPANT_HOUR = 40;
    /** What is left to the rest of the machine: the estimate may take at most this share of what is available. */
    static final double SHARE_OF_AVAILABLE = 0.8;

    public static MemoryEstimate of(LoadPlan plan) {
        int media = plan.count(LoadRole.PUBLISHER) + plan.count(LoadRole.SUBSCRIBER);
        double hours = plan.duration().toMillis() / 3_600_000.0;
        double heap = BASE_HEAP_MB + media * hours * HEAP_MB_PER_MEDIA_PARTICIPANT_HOUR;
        double resident = PROCESS_MB
                + plan.count(LoadRole.PUBLISHER) * PUBLISHER_MB
                + plan.count(LoadRole.SUBSCRIBER) * SUBSCRIBER_MB
                + (double) plan.streamsPlanned() * STREAM_MB
                + plan.count(LoadRole.AUDIENCE) * AUDIENCE_MB
                + (heap - BASE_HEAP_MB);
        return new MemoryEstimate(plan, resident, heap);
    }

    /**
     * Refuses a plan that needs more than {@value #SHARE_OF_AVAILABLE} of the memory available now
     * (MemAvailable of /proc/meminfo, or a container's or pod's memory limit less its use), or a heap above the JVM's maximum, naming the estimate, what
     * there is and the way out.
     */
    public void requireFits(OptionalLong availableMegabytes, long maxHeapMegabytes) {
        if (availableMegabytes.isPresent() && residentMegabytes > availableMegabytes.getAsLong() * SHARE_OF_AVAILABLE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "this plan needs about %,.0f MB (%s) but this machine has %,d MB available, of which a load run takes"
                            + " at most %.0f %%: lower --rooms, --publishers, --subscribers or --audience, shorten --duration,"
                            + " or split the run into shards on several machines (--shard-count)",
                    residentMegabytes, breakdown(), availableMegabytes.getAsLong(), SHARE_OF_AVAILABLE * 100));
        }
        if (heapMegabytes > maxHeapMegabytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "this plan's Java heap grows to about %,.0f MB over --duration %s (%d publishers and subscribers keep"
                            + " their statistics and frames for the report, about %.0f MB an hour each) but the JVM's"
                            + " maximum heap is %,d MB: give it more (-Xmx, e.g. JAVA_TOOL_OPTIONS=-Xmx%dm), shorten"
                            + " --duration or split the run into shards (--shard-count)",
                    heapMegabytes, LoadPlan.seconds(plan.duration()),
                    plan.count(LoadRole.PUBLISHER) + plan.count(LoadRole.SUBSCRIBER), HEAP_MB_PER_MEDIA_PARTICIPANT_HOUR,
                    maxHeapMegabytes, (long) Math.ceil(heapMegabytes * 1.25)));
        }
    }

    /** "330 MB for the process + 1 publisher × 14 MB + 4 subscribers × 4 MB + ..." */
    public String breakdown() {
        return String.format(Locale.ROOT, "%.0f MB for the process + %s × %.0f MB + %s × %.0f MB + %s rendered × %.0f MB"
                        + " + %d audience × %.1f MB + %.0f MB of statistics and frames kept over %s",
                PROCESS_MB, LoadPlan.counted(plan.count(LoadRole.PUBLISHER), "publisher"), PUBLISHER_MB,
                LoadPlan.counted(plan.count(LoadRole.SUBSCRIBER), "subscriber"), SUBSCRIBER_MB,
                LoadPlan.counted(plan.streamsPlanned(), "stream"), STREAM_MB, plan.count(LoadRole.AUDIENCE), AUDIENCE_MB,
                heapMegabytes - BASE_HEAP_MB, LoadPlan.seconds(plan.duration()));
    }

    /**
     * What this process may still take, in MB: MemAvailable of /proc/meminfo, or less when the
     * process runs in a cgroup with a memory limit (a Kubernetes pod's, a container's: cgroup v2
     * memory.max less memory.current), since that limit is what the OOM killer enforces. Empty where
     * neither can be read (not Linux).
     */
    public static OptionalLong availableMegabytes() {
        OptionalLong machine = memAvailable(Path.of("/proc/meminfo"));
        OptionalLong cgroup = cgroupHeadroom(Path.of("/sys/fs/cgroup"));
        if (machine.isPresent() && cgroup.isPresent()) {
            return OptionalLong.of(Math.min(machine.getAsLong(), cgroup.getAsLong()));
        }
        return machine.isPresent() ? machine : cgroup;
    }

    static OptionalLong memAvailable(Path meminfo) {
        if (!Files.isReadable(meminfo)) {
            return OptionalLong.empty();
        }
        try (Stream<String> lines = Files.lines(meminfo)) {
            return lines.filter(line -> line.startsWith("MemAvailable:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meminfo, e);
        }
    }

    /** memory.max less memory.current of a cgroup v2 folder, in MB; empty without a limit ("max") or the files. */
    static OptionalLong cgroupHeadroom(Path cgroup) {
        Path max = cgroup.resolve("memory.max");
        Path current = cgroup.resolve("memory.current");
        if (!Files.isReadable(max) || !Files.isReadable(current)) {
            return OptionalLong.empty();
        }
        try {
            String limit = Files.readString(max).trim();
            if (limit.equals("max")) {
                return OptionalLong.empty();
            }
            long used = Long.parseLong(Files.readString(current).trim());
            return OptionalLong.of(Math.max(0, Long.parseLong(limit) - used) / (1024 * 1024));
        } catch (IOException | NumberFormatException e) {
            // A cgroup file that cannot be read as documented leaves the machine's figure to decide.
            return OptionalLong.empty();
        }
    }

    /** The JVM's maximum heap (-Xmx, or its default share of the machine), in MB. */
    public static long maxHeapMegabytes() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "about %,.0f MB resident, %,.0f MB of it Java heap", residentMegabytes,
                heapMegabytes);
    }
}
