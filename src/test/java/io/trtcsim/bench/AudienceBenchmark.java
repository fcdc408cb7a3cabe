package io.trtcsim.bench;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.HarnessConfig;
import io.trtcsim.harness.JoinRamp;
import io.trtcsim.harness.Participant;
import io.trtcsim.harness.ParticipantKind;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.harness.Signatures;
import io.trtcsim.sdk.JournalEntry;
import io.trtcsim.stack.EmbeddedSimulatorStack;
import io.trtcsim.stack.Stack;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.LoggerFactory;

/**
 * Signaling-only participants at scale (issue 13): thousands of audience members in one live room on
 * the embedded stack, their heap and threads, how fast they all hear of the anchor's stream, and
 * whether the simulator stays responsive meanwhile. {@link AudienceOptions#USAGE} has the details.
 * <p>
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.trtcsim.bench.AudienceBenchmark
 * -Dexec.args="--members 5000 --join-rate 500 --markdown reports/audience-benchmark.md"}
 * <p>
 * The stream-added latency of a member counts from the first stream-added any member got: the
 * simulator announces the stream when its own side of alice's uplink connects, slightly before
 * alice's publish() returns, and sends the event to the members one after another; the first
 * delivery is the simulator's first send plus one loopback message (well under a millisecond).
 * The same latencies counted from publish() returning are printed too (early members can be
 * negative there).
 */
public final class AudienceBenchmark {

    private static final long ROOM = 8888;
    private static final Duration HEALTH_PERIOD = Duration.ofMillis(200);
    private static final double TARGET_P99_MILLIS = 100;
    private static final double TARGET_KB_PER_MEMBER = 200;
    private static final double TARGET_HEALTH_MILLIS = 1000;
    private static final String FORCED_GC = "forced GC (memory reading)";
    private static final List<String> SHARED_THREADS = List.of("client-events-", "client-timers-", "signaling-io-",
            "signaling-inbox-", "sim-outbox-");

    private AudienceBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        AudienceOptions options;
        try {
            options = AudienceOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("(--help lists the options)");
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(AudienceOptions.USAGE);
            System.exit(0);
        }
        // Thousands of joins would print ten thousand INFO lines: the run measures the system, not the console.
        ((Logger) LoggerFactory.getLogger("io.trtcsim")).setLevel(Level.toLevel(options.logLevel));
        System.out.printf(Locale.ROOT, "audience benchmark on %d cores, max heap %d MB, Java %s: %d members at %.0f joins/s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), options.members, options.joinRate);
        Results results = new Results(options);
        boolean broke;
        try {
            broke = !run(options, results);
        } catch (RuntimeException | AssertionError e) {
            System.out.println("the run broke: " + Format.firstLine(e));
            e.printStackTrace(System.out);
            broke = true;
        }
        String text = results.text();
        System.out.println();
        System.out.print(text);
        if (options.markdown.isPresent()) {
            Path file = options.markdown.get();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, results.markdown());
            System.out.println("written to " + file);
        }
        // exit, not return: a client a broken run could not release would keep the JVM alive.
        System.exit(broke ? 1 : 0);
    }

    /** The run; false when it broke in a way the results say. */
    private static boolean run(AudienceOptions options, Results results) {
        HarnessConfig config = HarnessConfig.load().with("harness.stack", "embedded");
        ScenarioContext scenario = ScenarioContext.with(config);
        HealthProbe probe = null;
        boolean completed = false;
        try {
            Participants participants = new Participants(scenario);
            Signatures signatures = new Signatures(scenario);
            Stack stack = scenario.stack();
            if (!(stack instanceof EmbeddedSimulatorStack embedded)) {
                throw new IllegalStateException("the benchmark needs the embedded stack, got " + stack.name());
            }
            probe = HealthProbe.start(embedded.server().httpUri().resolve("/health"), HEALTH_PERIOD, "setup");
            results.probe = probe;

            Participant alice = participants.namedOrNew("alice", ParticipantKind.FULL);
            alice.createClient(Mode.LIVE, signatures.sdkAppId(), signatures.userSigFor("alice"));
            alice.joinAs(Role.ANCHOR);
            alice.join(ROOM);
            // Her engine and stream now, so that neither counts in the members' memory; and one
            // unmeasured publish, so that the JVM's first pass through the media paths (class
            // loading, the JIT) is not what the fan-out competes with.
            alice.createSyntheticStream(320, 180, 15);
            alice.initializeLocalStream();
            long warming = System.nanoTime();
            alice.publish();
            alice.unpublish();
            results.warmUpMillis = (System.nanoTime() - warming) / 1e6;

            probe.phase(FORCED_GC);
            results.before = MemoryReading.afterGc();

            probe.phase("creating members");
            long creating = System.nanoTime();
            List<Participant> members = new ArrayList<>();
            for (int i = 1; i <= options.members; i++) {
                Participant member = participants.namedOrNew("fan-" + i, ParticipantKind.SIGNALING_ONLY);
                member.createClient(Mode.LIVE, signatures.sdkAppId(), signatures.userSigFor(member.userId()));
                member.joinAs(Role.AUDIENCE);
                members.add(member);
            }
            results.createMillis = (System.nanoTime() - creating) / 1e6;

            probe.phase("joining");
            results.joinTook = new JoinRamp(options.joinRate, config.callTimeout()).join(members, ROOM);
            System.out.printf(Locale.ROOT, "%d members joined in %.1f s%n", members.size(), results.joinTook.toMillis() / 1e3);

            // The app server hears of every join (ENTER_ROOM), one callback after another: the backlog
            // a ramp leaves is drained before the window, so it measures the members alone.
            probe.phase("callbacks draining");
            long draining = System.nanoTime();
            int expectedCallbacks = options.members + 2;
            await("the app server to receive " + expectedCallbacks + " callbacks (room created, alice and every member entered)")
                    .atMost(Duration.ofSeconds(options.waitSeconds)).pollInterval(Duration.ofMillis(500))
                    .until(() -> scenario.appServer().callbacks().size() >= expectedCallbacks);
            results.callbacksDrainMillis = (System.nanoTime() - draining) / 1e6;

            probe.phase("steady (everyone in the room)");
            long gcBefore = gcMillis();
            ProcessLoad steadyStart = ProcessLoad.now();
            ThreadCpu threadsStart = ThreadCpu.now();
            MediaWindow.waitFor(options.steadySeconds);
            ProcessLoad steadyEnd = ProcessLoad.now();
            results.steadyThreads = ThreadCpu.now().coresByGroupSince(threadsStart);
            results.steadyProcessCores = steadyEnd.processCoresSince(steadyStart);
            results.steadySimulatorCores = steadyEnd.simulatorCoresSince(steadyStart);
            results.steadyOtherCores = steadyEnd.otherCoresSince(steadyStart);
            results.steadyGcShare = (gcMillis() - gcBefore) / (options.steadySeconds * 1000.0);

            probe.phase(FORCED_GC);
            results.joined = MemoryReading.afterGc();
            results.loadedMedia = members.stream().filter(Participant::loadedMedia).count();

            probe.phase("fan-out");
            ThreadCpu fanOutStart = ThreadCpu.now();
            long publishing = System.nanoTime();
            alice.publish();
            long published = System.nanoTime();
            results.publishMillis = (published - publishing) / 1e6;
            Expectations.eachReceives(members, ClientEvent.STREAM_ADDED, "alice", Duration.ofSeconds(options.waitSeconds));
            results.fanOutThreads = ThreadCpu.now().millisByGroupSince(fanOutStart);
            long[] arrivals = members.stream().mapToLong(AudienceBenchmark::streamAddedNanos).sorted().toArray();
            results.fromFirst = Percentiles.of(arrivals, arrivals[0]);
            results.fromPublish = Percentiles.of(arrivals, published);
            results.peerJoinsOfAudience = members.stream().mapToLong(AudienceBenchmark::peerJoinsNotFromAlice).sum()
                    + alice.journal().count(ClientEvent.PEER_JOIN, null);
            System.out.printf(Locale.ROOT, "every member got stream-added; p99 %.1f ms after the first%n", results.fromFirst.p99());

            probe.phase("leaving");
            long leaving = System.nanoTime();
            List<CompletableFuture<Void>> leaves = members.stream().map(member -> member.client().leave()).toList();
            CompletableFuture.allOf(leaves.toArray(CompletableFuture[]::new)).get(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
            results.leaveMillis = (System.nanoTime() - leaving) / 1e6;
            completed = true;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            if (probe != null) {
                probe.phase("teardown");
            }
            long closing = System.nanoTime();
            try {
                scenario.close();
            } finally {
                results.teardownMillis = (System.nanoTime() - closing) / 1e6;
                if (probe != null) {
                    probe.close();
                }
            }
        }
        results.threadsLeft = threadsLeftAfter(Duration.ofSeconds(10));
        return completed;
    }

    /** Time spent in collections so far (pauses and, for concurrent collectors, their cycles), in ms. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(ms -> ms > 0).sum();
    }

    private static long streamAddedNanos(Participant member) {
        return member.journal().entries().stream()
                .filter(entry -> entry.event() == ClientEvent.STREAM_ADDED && "alice".equals(entry.userId()))
                .mapToLong(JournalEntry::atNanos).findFirst()
                .orElseThrow(() -> new IllegalStateException(member + " has no stream-added from alice"));
    }

    private static long peerJoinsNotFromAlice(Participant member) {
        return member.journal().entries().stream()
                .filter(entry -> entry.event() == ClientEvent.PEER_JOIN && !"alice".equals(entry.userId())).count();
    }

    /** The shared threads still alive once they have had {@code patience} to end. */
    private static Set<String> threadsLeftAfter(Duration patience) {
        try {
            await("the shared threads to end").atMost(patience).pollInterval(Duration.ofMillis(100))
                    .until(() -> sharedThreads().isEmpty());
        } catch (ConditionTimeoutException e) {
            // Reported as the threads left.
        }
        return sharedThreads();
    }

    private static Set<String> sharedThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> SHARED_THREADS.stream().anyMatch(name::startsWith)).collect(Collectors.toSet());
    }

    /** p50, p95, p99 and max of latencies in ms, nearest rank. */
    record Percentiles(double p50, double p95, double p99, double max) {
        static Percentiles of(long[] sortedNanos, long fromNanos) {
            double[] millis = Arrays.stream(sortedNanos).mapToDouble(at -> (at - fromNanos) / 1e6).toArray();
            return new Percentiles(rank(millis, 50), rank(millis, 95), rank(millis, 99), millis[millis.length - 1]);
        }

        private static double rank(double[] sorted, double percent) {
            int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    /** What the run measured, as it got; printed whether it completed or not. */
    private static final class Results {
        final AudienceOptions options;
        HealthProbe probe;
        MemoryReading before;
        MemoryReading joined;
        double createMillis = Double.NaN;
        double warmUpMillis = Double.NaN;
        Duration joinTook;
        double steadyProcessCores = Double.NaN;
        double steadySimulatorCores = Double.NaN;
        double steadyOtherCores = Double.NaN;
        double steadyGcShare = Double.NaN;
        double callbacksDrainMillis = Double.NaN;
        Map<String, Double> steadyThreads = Map.of();
        Map<String, Double> fanOutThreads = Map.of();
        long loadedMedia = -1;
        double publishMillis = Double.NaN;
        Percentiles fromFirst;
        Percentiles fromPublish;
        long peerJoinsOfAudience = -1;
        double leaveMillis = Double.NaN;
        double teardownMillis = Double.NaN;
        Set<String> threadsLeft = Set.of();

        Results(AudienceOptions options) {
            this.options = options;
        }

        double kilobytesPerMember() {
            return before == null || joined == null ? Double.NaN : joined.heapKilobytesEachSince(before, options.members);
        }

        double worstHealthMillis(boolean forcedGc) {
            if (probe == null) {
                return Double.NaN;
            }
            return probe.phases().entrySet().stream().filter(phase -> phase.getKey().equals(FORCED_GC) == forcedGc)
                    .mapToDouble(phase -> phase.getValue().worstMillis()).max().orElse(Double.NaN);
        }

        TextTable figures() {
            TextTable table = new TextTable(1, "figure", "value");
            table.add("members (signaling only, live room, audience)", Integer.toString(options.members));
            table.add("join rate asked (joins/s)", Format.whole(options.joinRate));
            table.add("alice's unmeasured publish and unpublish before the joins (ms)", Format.whole(warmUpMillis));
            table.add("creating the members (ms)", Format.whole(createMillis));
            table.add("joining them all (s)", joinTook == null ? "n/a" : Format.decimal(joinTook.toMillis() / 1e3));
            table.add("members that loaded libwebrtc", loadedMedia < 0 ? "n/a" : Long.toString(loadedMedia));
            table.add("heap after GC before the joins (MB)", before == null ? "n/a" : Format.decimal(before.heapUsedBytes() / 1048576.0));
            table.add("heap after GC with everyone in the room (MB)", joined == null ? "n/a" : Format.decimal(joined.heapUsedBytes() / 1048576.0));
            table.add("heap per member, SDK client + simulator session (KB)", Format.decimal(kilobytesPerMember()));
            table.add("Java threads before / after the joins", before == null || joined == null ? "n/a"
                    : before.javaThreads() + " / " + joined.javaThreads());
            table.add("native threads before / after the joins", before == null || joined == null ? "n/a"
                    : before.nativeThreads() + " / " + joined.nativeThreads());
            table.add("resident set before / after the joins (MB)", before == null || joined == null ? "n/a"
                    : Format.whole(before.residentMegabytes()) + " / " + Format.whole(joined.residentMegabytes()));
            table.add("CPU with everyone in the room (cores: process / simulator threads / other processes)",
                    Format.cores(steadyProcessCores) + " / " + Format.cores(steadySimulatorCores) + " / " + Format.cores(steadyOtherCores));
            table.add("GC pauses in that window (% of wall time)", Format.decimal(steadyGcShare * 100));
            table.add("app server's ENTER_ROOM backlog drained after the last join (ms)", Format.whole(callbacksDrainMillis));
            table.add("alice's publish() (ms)", Format.decimal(publishMillis));
            table.add("stream-added after the first: p50 / p95 / p99 / max (ms)", fromFirst == null ? "n/a"
                    : Format.decimal(fromFirst.p50()) + " / " + Format.decimal(fromFirst.p95()) + " / "
                    + Format.decimal(fromFirst.p99()) + " / " + Format.decimal(fromFirst.max()));
            table.add("stream-added after publish() returned: p50 / p95 / p99 / max (ms)", fromPublish == null ? "n/a"
                    : Format.decimal(fromPublish.p50()) + " / " + Format.decimal(fromPublish.p95()) + " / "
                    + Format.decimal(fromPublish.p99()) + " / " + Format.decimal(fromPublish.max()));
            table.add("peer-joins about audience members", peerJoinsOfAudience < 0 ? "n/a" : Long.toString(peerJoinsOfAudience));
            table.add("everyone leaving (ms)", Format.whole(leaveMillis));
            table.add("scenario teardown (ms)", Format.whole(teardownMillis));
            table.add("shared threads left 10 s after teardown", threadsLeft.isEmpty() ? "0" : threadsLeft.size() + " " + threadsLeft);
            return table;
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
            table.add("(not Java threads: GC, JIT, native)", Format.cores(steadyProcessCores - java));
            return table;
        }

        /** Where the CPU of the fan-out (alice's publish included) went, by thread group, above 5 ms. */
        TextTable fanOutThreads() {
            TextTable table = new TextTable(1, "threads", "cpu_ms");
            fanOutThreads.forEach((group, millis) -> {
                if (millis >= 5) {
                    table.add(group, Format.whole(millis));
                }
            });
            return table;
        }

        TextTable health() {
            TextTable table = new TextTable(1, "phase", "answers", "failed", "worst_ms");
            if (probe != null) {
                for (Map.Entry<String, HealthProbe.Phase> phase : probe.phases().entrySet()) {
                    HealthProbe.Phase p = phase.getValue();
                    table.add(phase.getKey(), Integer.toString(p.answered), p.failed == 0 ? "0" : p.failed + " (" + p.lastFailure + ")",
                            Format.millis(p.worstMillis()));
                }
            }
            return table;
        }

        TextTable targets() {
            TextTable table = new TextTable(1, "target", "measured", "verdict");
            double p99 = fromFirst == null ? Double.NaN : fromFirst.p99();
            table.add("stream-added p99 <= " + Format.whole(TARGET_P99_MILLIS) + " ms", Format.decimal(p99) + " ms",
                    verdict(p99, TARGET_P99_MILLIS));
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
            return figures().text() + "\nCPU by thread group with everyone in the room (" + options.steadySeconds + " s)\n"
                    + steadyThreads().text() + "\nCPU by thread group from alice's publish to the last stream-added\n"
                    + fanOutThreads().text() + "\n/health every " + HEALTH_PERIOD.toMillis() + " ms, by phase\n" + health().text()
                    + "\n" + targets().text();
        }

        String markdown() {
            return "# Audience benchmark\n\n" + String.format(Locale.ROOT, "%d cores, max heap %d MB, Java %s; %d members at %.0f joins/s.%n%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.version"), options.members, options.joinRate)
                    + figures().markdown() + "\n## CPU by thread group with everyone in the room (" + options.steadySeconds
                    + " s)\n\n" + steadyThreads().markdown()
                    + "\n## CPU by thread group from alice's publish to the last stream-added\n\n" + fanOutThreads().markdown()
                    + "\n## /health every " + HEALTH_PERIOD.toMillis() + " ms, by phase\n\n" + health().markdown()
                    + "\n## Targets\n\n" + targets().markdown();
        }
    }
}
