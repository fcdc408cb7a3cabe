package io.trtcsim.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Whether this process can hold the participants asked for, estimated before any is made: a range
 * or a load run that cannot fit is refused with the estimate, instead of failing half way with the
 * machine out of memory. Media participants are counted against the machine's available memory
 * (their cost is mostly libwebrtc's, outside the Java heap); signaling-only ones against the
 * heap's headroom.
 *
 * @param availableNativeBytes what the machine can still give (MemAvailable)
 * @param availableHeapBytes the Java heap's headroom (max minus used)
 */
public record MemoryBudget(long availableNativeBytes, long availableHeapBytes) {

    /**
     * What one participant with media costs: its libwebrtc engine, peer connections and sinks.
     * Measured ≈ 5 MB of RSS per subscriber (docs/measurements.md, the fan-out); counted with room to spare.
     */
    public static final long MEDIA_PARTICIPANT_BYTES = 8L << 20;
    /** What one signaling-only participant costs, SDK and simulator side (target ≤ 200 KB; docs/measurements.md). */
    public static final long SIGNALING_PARTICIPANT_BYTES = 200L << 10;

    /** This process on this machine, now. */
    public static MemoryBudget ofThisProcess() {
        Runtime runtime = Runtime.getRuntime();
        long heapHeadroom = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        return new MemoryBudget(memAvailable().orElse(Long.MAX_VALUE), heapHeadroom);
    }

    /** Refuses, with the estimate, counts this process cannot hold; {@code what} names the request. */
    public void require(int mediaParticipants, int signalingParticipants, String what) {
        long media = mediaParticipants * MEDIA_PARTICIPANT_BYTES;
        if (media > availableNativeBytes) {
            throw new IllegalArgumentException(what + ": " + mediaParticipants + " participants with media need about "
                    + mb(media) + " (" + mb(MEDIA_PARTICIPANT_BYTES) + " each), more than the " + mb(availableNativeBytes)
                    + " this machine has available; use fewer, signaling-only ones, or shards on several machines (docs/load.md)");
        }
        long signaling = signalingParticipants * SIGNALING_PARTICIPANT_BYTES;
        if (signaling > availableHeapBytes) {
            throw new IllegalArgumentException(what + ": " + signalingParticipants + " signaling-only participants need about "
                    + mb(signaling) + " of Java heap (" + SIGNALING_PARTICIPANT_BYTES / 1024 + " KB each), more than the "
                    + mb(availableHeapBytes) + " left of its -Xmx; raise -Xmx or run shards (docs/load.md)");
        }
    }

    private static OptionalLong memAvailable() {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.isReadable(meminfo)) {
            return OptionalLong.empty();
        }
        try {
            return Files.readAllLines(meminfo).stream().filter(line -> line.startsWith("MemAvailable:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D+", "")) * 1024).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meminfo, e);
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
    }
}
