package io.trtcsim.bench;

import io.trtcsim.sdk.SdkOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What {@link AudienceBenchmark} measured, as far as it got, and its tables and verdicts. */
final class AudienceResults {

    static final double TARGET_P99_MILLIS = 100;
    static final double TARGET_KB_PER_MEMBER = 200;
    static final double TARGET_HEALTH_MILLIS = 1000;

    final AudienceOptions options;
    HealthProbe probe;
    MemoryReading before;
    MemoryReading joined;
    double warmUpMillis = Double.NaN;
    double createMillis = Double.NaN;
    Duration joinTook;
    double callbacksDrainMillis = Double.NaN;
    /** From the memory reading's forced GCs until every member was connected and none lost its signaling for 3 s. */
    double settleMillis = Double.NaN;
    double steadyProcessCores = Double.NaN;
    double steadySimulatorCores = Double.NaN;
    double steadyOtherCores = Double.NaN;
    double steadyGcShare = Double.NaN;
    Map<String, Double> steadyThreads = Map.of();
    Map<String, Double> steadyNativeThreads = Map.of();
    long loadedMedia = -1;
    final List<FanOutRound> rounds = new ArrayList<>();
    long peerJoinsOfAudience = -1;
    long reconnections = -1;
    /** The same, by the phase of the run they happened in (phases without any left out). */
    Map<String, Long> reconnectionsByPhase = Map.of();
    double leaveMillis = Double.NaN;
    long failedLeaves = -1;
    double teardownMillis = Double.NaN;
    Set<String> threadsLeft = Set.of();
    /** The same fan-out over raw loopback TCP, by round ({@link LoopbackFloor}). */
    Floor floor = Floor.failed("not measured");
    /** The same fan-out over bare WebSockets with the members' heartbeats, by round ({@link WebSocketFloor}). */
    Floor webSocketFloor = Floor.failed("not measured");

    /** A floor's rounds, or (none then) why it was not measured. */
    record Floor(List<FanOutRound.Percentiles> rounds, String failure) {
        static Floor measured(List<FanOutRound.Percentiles> rounds) {
            return new Floor(List.copyOf(rounds), null);
        }

        static Floor failed(String why) {
            return new Floor(List.of(), why);
        }

        double medianP99() {
            return FanOut.median(rounds.stream().mapToDouble(FanOutRound.Percentiles::p99).toArray());
        }
    }

    AudienceResults(AudienceOptions options) {
        this.options = options;
    }

    String machine() {
        return String.format(Locale.ROOT, "%d cores, max heap %d MB, Java %s, %s; %d members at %.0f joins/s, %d publish rounds",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), collectors(), options.members, options.joinRate, options.rounds);
    }

    private static String collectors() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).collect(java.util.stream.Collectors.joining(" + "));
    }

    double kilobytesPerMember() {
        return before == null || joined == null ? Double.NaN : joined.heapKilobytesEachSince(before, options.members);
    }

    /** The worst p99 of the measured rounds. */
    double worstP99() {
        return rounds.stream().mapToDouble(round -> round.fromAnnouncement().p99()).max().orElse(Double.NaN);
    }

    /** The median of the rounds' p99, of the stack's fan-out over a floor's: their ratio is what the layers above it cost. */
    double stackOver(Floor under) {
        return FanOut.median(rounds.stream().mapToDouble(round -> round.fromAnnouncement().p99()).toArray()) / under.medianP99();
    }

    double worstHealthMillis(boolean forcedGc) {
        if (probe == null) {
            return Double.NaN;
        }
        return probe.phases().entrySet().stream()
                .filter(phase -> phase.getKey().equals(AudienceBenchmark.FORCED_GC) == forcedGc)
                .mapToDouble(phase -> phase.getValue().worstMillis()).max().orElse(Double.NaN);
    }

    TextTable figures() {
        TextTable table = new TextTable(1, "figure", "value");
        table.add("members (signaling only, live room, audience)", Integer.toString(options.members));
        table.add("join rate asked (joins/s)", Format.whole(options.joinRate));
        table.add("warm-up: " + options.warmUpMembers + " members, " + (options.warmUpMembers == 0 ? 1 : options.warmUpRounds)
                + " publish rounds, in room " + AudienceBenchmark.WARM_UP_ROOM + " (ms)", Format.whole(warmUpMillis));
        table.add("creating the members (ms)", Format.whole(createMillis));
        table.add("joining them all (s)", joinTook == null ? "n/a" : Format.decimal(joinTook.toMillis() / 1e3));
        table.add("members that loaded libwebrtc", loadedMedia < 0 ? "n/a" : Long.toString(loadedMedia));
        table.add("heap after GC before the joins (MB)", before == null ? "n/a" : Format.decimal(before.heapUsedBytes() / 1048576.0));
        table.add("heap after GC with everyone in the room (MB)", joined == null ? "n/a"
                : Format.decimal(joined.heapUsedBytes() / 1048576.0));
        table.add("heap per member, SDK client + simulator session (KB)", Format.decimal(kilobytesPerMember()));
        table.add("Java threads before / after the joins", before == null || joined == null ? "n/a"
                : before.javaThreads() + " / " + joined.javaThreads());
        table.add("native threads before / after the joins", before == null || joined == null ? "n/a"
                : before.nativeThreads() + " / " + joined.nativeThreads());
        table.add("resident set before / after the joins (MB)", before == null || joined == null ? "n/a"
                : Format.whole(before.residentMegabytes()) + " / " + Format.whole(joined.residentMegabytes()));
        table.add("app server's ENTER_ROOM backlog drained after the last join (ms)", Format.whole(callbacksDrainMillis));
        table.add("CPU with everyone in the room (cores: process / simulator threads / other processes)",
                Format.cores(steadyProcessCores) + " / " + Format.cores(steadySimulatorCores) + " / " + Format.cores(steadyOtherCores));
        table.add("GC in that window (% of wall time)", Format.decimal(steadyGcShare * 100));
        table.add("signaling settled after the forced GC, before the rounds (ms)", Format.whole(settleMillis));
        table.add("signaling lost and reconnected (members' RECONNECTING, whole run)", reconnections < 0 ? "n/a" : Long.toString(reconnections));
        table.add("the same by phase of the run", reconnections < 0 ? "n/a" : reconnectionsByPhase.isEmpty() ? "none"
                : reconnectionsByPhase.entrySet().stream().map(phase -> phase.getKey() + " " + phase.getValue())
                        .collect(java.util.stream.Collectors.joining(", ")));
        table.add("peer-joins about audience members", peerJoinsOfAudience < 0 ? "n/a" : Long.toString(peerJoinsOfAudience));
        table.add("everyone leaving at once (ms)", Format.whole(leaveMillis));
        table.add("leave() calls that failed (SDK gave up, client out of the room all the same)",
                failedLeaves < 0 ? "n/a" : Long.toString(failedLeaves));
        table.add("scenario teardown (ms)", Format.whole(teardownMillis));
        table.add("shared threads left 10 s after teardown", threadsLeft.isEmpty() ? "0" : threadsLeft.size() + " " + threadsLeft);
        return table;
    }

    TextTable fanOuts() {
        TextTable table = new TextTable(1, "round", "publish_ms", "from announcement p50/p95/p99/max (ms)",
                "from publish() returned p50/p95/p99/max (ms)", "process_cores", "other_processes_cores",
                "busiest threads (cores)");
        for (FanOutRound round : rounds) {
            table.add(Integer.toString(round.round()), Format.decimal(round.publishMillis()), round.fromAnnouncement().describe(),
                    round.fromPublish().describe(), Format.cores(round.processCores()), Format.cores(round.otherCores()),
                    round.busiestThreads(5));
        }
        return table;
    }

    /** A floor's rounds and the stack's ratio to it. */
    TextTable floor(Floor under) {
        TextTable table = new TextTable(1, "round", "p50/p95/p99/max (ms)");
        for (int i = 0; i < under.rounds().size(); i++) {
            table.add(Integer.toString(i + 1), under.rounds().get(i).describe());
        }
        if (under.failure() != null) {
            table.add("not measured", under.failure());
        }
        table.add("stack p99 / floor p99 (medians of the rounds)", Format.decimal(stackOver(under)) + "x");
        return table;
    }

    private String floorTitle() {
        return "the same fan-out over raw loopback TCP, no WebSocket (" + options.members + " sockets, "
                + Runtime.getRuntime().availableProcessors() + " writer threads, 1 reader, "
                + AudienceBenchmark.STREAM_ADDED_BYTES + " bytes): this machine's floor in this run";
    }

    private String webSocketFloorTitle() {
        return "the same fan-out over bare WebSockets (Netty server with an event loop per core, " + options.members
                + " Netty clients on one event loop, JSON parsed on the I/O threads, a heartbeat from each every "
                + SdkOptions.Reconnection.defaults().heartbeatInterval().toMillis() + " ms answered; no simulator, no SDK):"
                + " the least WebSocket signaling costs on this machine in this run";
    }

    /** The thread groups that used at least 0.01 core in the steady window. */
    TextTable steadyThreads() {
        TextTable table = new TextTable(1, "threads", "cores");
        steadyThreads.forEach((group, cores) -> {
            if (cores >= 0.01) {
                table.add(group, Format.cores(cores));
            }
        });
        double java = steadyThreads.values().stream().mapToDouble(Double::doubleValue).sum();
        table.add("(not Java threads: GC, JIT, native, threads that ended)", Format.cores(steadyProcessCores - java));
        return table;
    }

    /** The kernel's view of the same window: every thread, the JVM's and libwebrtc's included, above 0.01 core. */
    TextTable steadyNativeThreads() {
        TextTable table = new TextTable(1, "threads (kernel names)", "cores");
        steadyNativeThreads.forEach((group, cores) -> {
            if (cores >= 0.01) {
                table.add(group, Format.cores(cores));
            }
        });
        return table;
    }

    TextTable health() {
        TextTable table = new TextTable(1, "phase", "answers", "failed", "worst_ms");
        if (probe != null) {
            for (Map.Entry<String, HealthProbe.Phase> phase : probe.phases().entrySet()) {
                HealthProbe.Phase p = phase.getValue();
                table.add(phase.getKey(), Integer.toString(p.answered()), p.failed() == 0 ? "0" : p.failed() + " (" + p.lastFailure() + ")",
                        Format.millis(p.worstMillis()));
            }
        }
        return table;
    }

    TextTable targets() {
        TextTable table = new TextTable(1, "target", "measured", "verdict");
        double p99 = worstP99();
        table.add("stream-added p99 <= " + Format.whole(TARGET_P99_MILLIS) + " ms (worst of " + rounds.size() + " rounds)",
                Format.decimal(p99) + " ms", verdict(p99, TARGET_P99_MILLIS));
        table.add("heap per member <= " + Format.whole(TARGET_KB_PER_MEMBER) + " KB", Format.decimal(kilobytesPerMember()) + " KB",
                verdict(kilobytesPerMember(), TARGET_KB_PER_MEMBER));
        double health = worstHealthMillis(false);
        table.add("/health within " + Format.whole(TARGET_HEALTH_MILLIS) + " ms throughout (forced GCs apart: "
                + Format.millis(worstHealthMillis(true)) + " ms)", Format.millis(health) + " ms", verdict(health, TARGET_HEALTH_MILLIS));
        return table;
    }

    private static String verdict(double measured, double limit) {
        return Double.isNaN(measured) ? "not measured" : measured <= limit ? "met" : "target missed";
    }

    String text() {
        return figures().text()
                + "\nstream-added, by round (alice publishes, everyone hears, she unpublishes)\n" + fanOuts().text()
                + "\n" + floorTitle() + "\n" + floor(floor).text()
                + "\n" + webSocketFloorTitle() + "\n" + floor(webSocketFloor).text()
                + "\nCPU by thread group with everyone in the room (" + options.steadySeconds + " s)\n" + steadyThreads().text()
                + "\nthe same window as the kernel counts it (every thread of the process)\n" + steadyNativeThreads().text()
                + "\n/health every " + AudienceBenchmark.HEALTH_PERIOD.toMillis() + " ms, by phase\n" + health().text()
                + "\n" + targets().text();
    }

    String markdown() {
        return "# Audience benchmark\n\n" + machine() + ".\n\n" + figures().markdown()
                + "\n## stream-added, by round\n\n" + fanOuts().markdown()
                + "\n## The floors\n\n" + floorTitle() + ".\n\n" + floor(floor).markdown()
                + "\n" + webSocketFloorTitle() + ".\n\n" + floor(webSocketFloor).markdown()
                + "\n## CPU by thread group with everyone in the room (" + options.steadySeconds + " s)\n\n" + steadyThreads().markdown()
                + "\n## The same window as the kernel counts it (every thread of the process)\n\n" + steadyNativeThreads().markdown()
                + "\n## /health every " + AudienceBenchmark.HEALTH_PERIOD.toMillis() + " ms, by phase\n\n" + health().markdown()
                + "\n## Targets\n\n" + targets().markdown();
    }
}
