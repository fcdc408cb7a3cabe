package io.trtcsim.bench;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.trtcsim.harness.HarnessConfig;
import io.trtcsim.harness.Participant;
import io.trtcsim.harness.ParticipantKind;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.harness.Signatures;
import io.trtcsim.sdk.ConnectionStateChange;
import io.trtcsim.sdk.JournalEntry;
import io.trtcsim.sdk.SdkOptions;
import io.trtcsim.stack.EmbeddedSimulatorStack;
import io.trtcsim.stack.Stack;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ConnectionState;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.LoggerFactory;

/**
 * Signaling-only participants at scale (issue 13): thousands of audience members in one live room on
 * the embedded stack, their heap and threads, how fast they all hear of the anchor's stream, and
 * whether the simulator stays responsive meanwhile. {@link AudienceOptions} (--help) has the details.
 * <p>
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.trtcsim.bench.AudienceBenchmark
 * -Dexec.args="--members 5000 --join-rate 500 --markdown reports/audience-benchmark.md"}
 * <p>
 * A member's stream-added latency counts from the simulator's announcement: the time of its log
 * line "stream alice_main published", written as it starts telling the room (when its side of
 * alice's uplink connects, a little before alice's publish() returns), mapped onto the journals'
 * monotonic clock ({@link WallClock}). The same latencies from publish() returning are shown too.
 * Each round is one publish, heard by everyone, then an unpublish: the first runs code the JVM has
 * not compiled yet (the JIT compiles while the fan-out runs), later ones show a warm JVM.
 */
public final class AudienceBenchmark {

    static final long ROOM = 8888;
    static final long WARM_UP_ROOM = 8889;
    static final Duration HEALTH_PERIOD = Duration.ofMillis(200);
    static final String FORCED_GC = "forced GC (memory reading)";
    /** Arrival times come from the journals, not the poll: a slow poll only spares the CPU the fan-out needs. */
    private static final Duration POLL = Duration.ofMillis(250);
    /** A stream-added event as the simulator sends it, with its WebSocket frame header (docs/simulator-protocol.md). */
    static final int STREAM_ADDED_BYTES = 170;
    private static final List<String> SHARED_THREADS = List.of("client-events-", "client-timers-", "signaling-io-",
            "signaling-inbox-", "sim-outbox-");

    private AudienceBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        BenchmarkCommandLine.main(new AudienceOptions(), args, AudienceBenchmark::report);
    }

    /** Runs the benchmark, prints the results (and writes the Markdown); 1 when the run broke. */
    private static int report(AudienceOptions options) throws IOException {
        // Thousands of joins would print ten thousand INFO lines: the run measures the system, not the console.
        ((Logger) LoggerFactory.getLogger("io.trtcsim")).setLevel(Level.toLevel(options.logLevel));
        AudienceResults results = new AudienceResults(options);
        System.out.println(results.machine());
        boolean broke;
        try {
            run(options, results);
            broke = false;
        } catch (RuntimeException | AssertionError e) {
            System.out.println("the run broke: " + Format.firstLine(e));
            e.printStackTrace(System.out);
            broke = true;
        }
        System.out.println();
        System.out.print(results.text());
        if (options.markdown.isPresent()) {
            Path file = options.markdown.get();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, results.markdown());
            System.out.println("written to " + file);
        }
        return broke ? 1 : 0;
    }

    private static void run(AudienceOptions options, AudienceResults results) {
        HarnessConfig config = HarnessConfig.load().with("harness.stack", "embedded");
        ScenarioContext scenario = ScenarioContext.with(config);
        HealthProbe probe = null;
        Duration patience = Duration.ofSeconds(options.waitSeconds);
        try {
            Participants participants = new Participants(scenario);
            Signatures signatures = new Signatures(scenario);
            Stack stack = scenario.stack();
            if (!(stack instanceof EmbeddedSimulatorStack embedded)) {
                throw new IllegalStateException("the benchmark needs the embedded stack, got " + stack.name());
            }
            probe = HealthProbe.start(embedded.server().httpUri().resolve("/health"), HEALTH_PERIOD, "setup");
            results.probe = probe;
            WallClock clock = WallClock.calibrate();

            // alice's engine and stream now, so that neither counts in the members' memory.
            Participant alice = participants.namedOrNew("alice");
            alice.createClient(Mode.LIVE, signatures.sdkAppId(), signatures.userSigFor("alice"));
            alice.joinAs(Role.ANCHOR);
            alice.createSyntheticStream(320, 180, 15);
            alice.initializeLocalStream();

            probe.phase("warm-up");
            long warming = System.nanoTime();
            warmUp(options, participants, signatures, alice, config, patience);
            results.warmUpMillis = millisSince(warming);

            alice.join(RoomId.numeric(ROOM));
            probe.phase("callbacks draining");
            awaitCallbacksQuiet(scenario, patience);
            probe.phase(FORCED_GC);
            results.before = MemoryReading.afterGc();

            probe.phase("creating members");
            long creating = System.nanoTime();
            List<Participant> members = createMembers(participants, signatures, "fan-", options.members);
            results.createMillis = millisSince(creating);

            probe.phase("joining");
            results.joinTook = config.joinRamp(options.joinRate).join(members, RoomId.numeric(ROOM));
            System.out.printf(Locale.ROOT, "%d members joined in %.1f s%n", members.size(), results.joinTook.toMillis() / 1e3);

            // The app server hears of every join (ENTER_ROOM), one callback after another: the backlog
            // a ramp leaves is drained before the window, so that the window measures the members alone.
            probe.phase("callbacks draining");
            long draining = System.nanoTime();
            awaitCallbacksQuiet(scenario, patience);
            results.callbacksDrainMillis = millisSince(draining);

            probe.phase("steady (everyone in the room)");
            long gcBefore = gcMillis();
            ProcessLoad steadyStart = ProcessLoad.now();
            ThreadCpu threadsStart = ThreadCpu.now();
            NativeThreadCpu nativeStart = NativeThreadCpu.now();
            MediaWindow.waitFor(options.steadySeconds);
            ProcessLoad steadyEnd = ProcessLoad.now();
            results.steadyThreads = ThreadCpu.now().coresByGroupSince(threadsStart);
            results.steadyNativeThreads = NativeThreadCpu.now().coresByGroupSince(nativeStart);
            results.steadyProcessCores = steadyEnd.processCoresSince(steadyStart);
            results.steadySimulatorCores = steadyEnd.simulatorCoresSince(steadyStart);
            results.steadyOtherCores = steadyEnd.otherCoresSince(steadyStart);
            results.steadyGcShare = (gcMillis() - gcBefore) / (options.steadySeconds * 1000.0);

            probe.phase(FORCED_GC);
            results.joined = MemoryReading.afterGc();
            results.loadedMedia = members.stream().filter(Participant::loadedMedia).count();
            probe.phase("settling after the forced GC");
            long settling = System.nanoTime();
            awaitSignalingSettled(members, patience);
            results.settleMillis = millisSince(settling);

            // The journals and the simulator's log keep what the analysis needs: it runs once the
            // rounds are over, so that its own work (and its compilation) is not what they compete with.
            List<Publish> publishes = new ArrayList<>();
            for (int round = 1; round <= options.rounds; round++) {
                probe.phase("fan-out " + round);
                publishes.add(publish(alice, members, round, patience));
                System.out.printf(Locale.ROOT, "round %d: every member got stream-added%n", round);
                probe.phase("unpublish " + round);
                alice.unpublish();
                awaitEach(members, ClientEvent.STREAM_REMOVED, round, patience);
            }
            for (Publish publish : publishes) {
                results.rounds.add(publish.analyse(members, stack, clock));
            }
            results.reconnections = members.stream().mapToLong(AudienceBenchmark::reconnections).sum();
            results.reconnectionsByPhase = reconnectionsByPhase(members, probe);
            results.peerJoinsOfAudience = members.stream().mapToLong(AudienceBenchmark::peerJoinsNotFromAlice).sum()
                    + alice.journal().count(ClientEvent.PEER_JOIN, null);

            probe.phase("leaving");
            long leaving = System.nanoTime();
            results.failedLeaves = leaveAll(members, config.callTimeout());
            results.leaveMillis = millisSince(leaving);
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
                results.teardownMillis = millisSince(closing);
                if (probe != null) {
                    probe.close();
                }
            }
        }
        results.threadsLeft = threadsLeftAfter(Duration.ofSeconds(10));
        measureFloor(options, results);
    }

    /**
     * The same fan-out as raw loopback TCP ({@link LoopbackFloor}) and over bare WebSockets with the
     * members' heartbeats ({@link WebSocketFloor}), once the members' sockets are closed: the floors
     * of this machine in this run, to read the rounds against.
     */
    private static void measureFloor(AudienceOptions options, AudienceResults results) {
        results.floor = floor(() -> new LoopbackFloor(options.members, Runtime.getRuntime().availableProcessors(),
                STREAM_ADDED_BYTES).measure(options.rounds));
        results.webSocketFloor = floor(() -> new WebSocketFloor(options.members, STREAM_ADDED_BYTES,
                SdkOptions.Reconnection.defaults().heartbeatInterval()).measure(options.rounds));
    }

    /** A floor's rounds, or why it could not be measured. */
    private static AudienceResults.Floor floor(FloorMeasurement measurement) {
        try {
            return AudienceResults.Floor.measured(measurement.rounds());
        } catch (IOException | RuntimeException e) {
            return AudienceResults.Floor.failed(Format.firstLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AudienceResults.Floor.failed("interrupted");
        }
    }

    @FunctionalInterface
    private interface FloorMeasurement {
        List<FanOutRound.Percentiles> rounds() throws IOException, InterruptedException;
    }

    /**
     * What a JVM that has run scenarios before has done already, so the measured rounds are not
     * the JIT's first pass through these paths (it compiles on a core of its own meanwhile): in room
     * {@value #WARM_UP_ROOM}, a smaller audience joins, alice publishes and unpublishes to it a few
     * times, and everyone leaves. Without members, alice still publishes once, for the media paths.
     */
    private static void warmUp(AudienceOptions options, Participants participants, Signatures signatures,
                               Participant alice, HarnessConfig config, Duration patience) throws Exception {
        alice.join(RoomId.numeric(WARM_UP_ROOM));
        List<Participant> warm = createMembers(participants, signatures, "warm-", options.warmUpMembers);
        if (!warm.isEmpty()) {
            config.joinRamp(options.joinRate).join(warm, RoomId.numeric(WARM_UP_ROOM));
        }
        for (int round = 1; round <= Math.max(1, warm.isEmpty() ? 1 : options.warmUpRounds); round++) {
            alice.publish();
            awaitEach(warm, ClientEvent.STREAM_ADDED, round, patience);
            alice.unpublish();
            awaitEach(warm, ClientEvent.STREAM_REMOVED, round, patience);
        }
        leaveAll(warm, config.callTimeout());
        alice.leave();
    }

    private static List<Participant> createMembers(Participants participants, Signatures signatures, String prefix, int count) {
        List<Participant> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Participant member = participants.namedOrNew(prefix + i, ParticipantKind.SIGNALING_ONLY);
            member.createClient(Mode.LIVE, signatures.sdkAppId(), signatures.userSigFor(member.userId()));
            member.joinAs(Role.AUDIENCE);
            members.add(member);
        }
        return members;
    }

    /**
     * Everyone leaves at once; returns how many leave() calls failed. A leave the SDK gave up on
     * (its signaling went silent under the burst) still leaves the client out of the room, which is
     * what must hold: a member still connected once every leave has returned breaks the run.
     */
    private static long leaveAll(List<Participant> members, Duration within) {
        List<CompletableFuture<Void>> leaves = members.stream().map(member -> member.client().leave()).toList();
        CompletableFuture<Void> all = CompletableFuture.allOf(leaves.toArray(CompletableFuture[]::new));
        try {
            all.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Counted below.
        } catch (TimeoutException e) {
            throw new AssertionError(leaves.stream().filter(leave -> !leave.isDone()).count() + " of " + members.size()
                    + " leaves were not answered within " + within.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while everyone left", e);
        }
        List<String> stillIn = members.stream().filter(member -> member.client().connectionState() != ConnectionState.DISCONNECTED)
                .map(Participant::userId).toList();
        if (!stillIn.isEmpty()) {
            throw new AssertionError(stillIn.size() + " members still in the room after leaving, e.g. "
                    + stillIn.subList(0, Math.min(10, stillIn.size())));
        }
        return leaves.stream().filter(CompletableFuture::isCompletedExceptionally).count();
    }

    /**
     * Waits until the app server has heard nothing new for a second: the simulator sends its
     * callbacks one after another, and a ramp of joins leaves a backlog of ENTER_ROOM.
     */
    /**
     * After the forced GCs of a memory reading: with 5,000 members they stop the JVM for seconds,
     * which every member's heartbeat takes for silence, and many declare their signaling lost at
     * their next tick and rejoin (measured: 360–1,340 members, all within the first round when the
     * rounds followed at once). The rounds start once every member is connected and none has lost
     * its signaling for a few seconds, so that a round measures the fan-out, not a rejoin storm the
     * benchmark caused itself.
     */
    private static void awaitSignalingSettled(List<Participant> members, Duration within) {
        AtomicLong last = new AtomicLong(-1);
        await("the members' signaling to settle after the forced GC (every member connected, 3 s without a loss)")
                .atMost(within).pollInterval(Duration.ofMillis(250)).during(Duration.ofSeconds(3))
                .until(() -> {
                    long losses = members.stream().mapToLong(AudienceBenchmark::reconnections).sum();
                    boolean noNewLoss = last.getAndSet(losses) == losses;
                    return noNewLoss && members.stream().allMatch(member -> member.client().connectionState() == ConnectionState.CONNECTED);
                });
    }

    private static void awaitCallbacksQuiet(ScenarioContext scenario, Duration within) {
        AtomicLong last = new AtomicLong(-1);
        await("the app server's callbacks to stop coming (a second without one)").atMost(within)
                .pollInterval(Duration.ofMillis(250)).during(Duration.ofSeconds(1))
                .until(() -> last.getAndSet(scenario.appServer().callbackCount()) == last.get());
    }

    /** Alice publishes; the round ends when every member has its {@code round}-th stream-added. */
    private static Publish publish(Participant alice, List<Participant> members, int round, Duration within) {
        NativeThreadCpu threadsBefore = NativeThreadCpu.now();
        ProcessLoad loadBefore = ProcessLoad.now();
        long publishing = System.nanoTime();
        alice.publish();
        long published = System.nanoTime();
        awaitEach(members, ClientEvent.STREAM_ADDED, round, within);
        ProcessLoad loadAfter = ProcessLoad.now();
        return new Publish(round, publishing, published, loadAfter.processCoresSince(loadBefore),
                loadAfter.otherCoresSince(loadBefore), NativeThreadCpu.now().coresByGroupSince(threadsBefore));
    }

    /** One round as it was measured, before the journals are read. */
    private record Publish(int round, long startedNanos, long returnedNanos, double processCores, double otherCores,
                           java.util.Map<String, Double> threadCores) {

        FanOutRound analyse(List<Participant> members, Stack stack, WallClock clock) {
            long[] arrivals = members.stream().mapToLong(member -> streamAddedNanos(member, round)).toArray();
            long announced = clock.monotonicNanosOf(announcement(stack, round));
            return new FanOutRound(round, (returnedNanos - startedNanos) / 1e6, FanOutRound.Percentiles.of(arrivals, announced),
                    FanOutRound.Percentiles.of(arrivals, returnedNanos), processCores, otherCores, threadCores);
        }
    }

    /**
     * Waits until every member has had {@code count} events of that kind from alice; those served
     * are not asked again, as thousands of journals would be read at every poll.
     */
    private static void awaitEach(List<Participant> members, ClientEvent event, int count, Duration within) {
        List<Participant> waiting = new ArrayList<>(members);
        try {
            await("each of " + members.size() + " members to have " + count + " '" + event + "' from alice")
                    .atMost(within).pollInterval(POLL).until(() -> {
                        waiting.removeIf(member -> member.journal().count(event, "alice") >= count);
                        return waiting.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(waiting.size() + " members had no " + count + " '" + event + "' from alice within "
                    + within.toMillis() + " ms, e.g. " + waiting.stream().limit(10).map(Participant::userId).toList()
                    + "; events of " + waiting.get(0) + ":\n" + waiting.get(0).journal().describe(), e);
        }
    }

    /** When the simulator began announcing alice's stream for the {@code round}-th time (its log line). */
    private static Instant announcement(Stack stack, int round) {
        List<String> lines = stack.logLines(RoomId.numeric(ROOM)).stream().filter(line -> line.contains(": stream alice_main published")).toList();
        if (lines.size() < round) {
            throw new IllegalStateException("the simulator logged " + lines.size() + " announcements of alice_main, expected "
                    + round + ": " + lines);
        }
        String line = lines.get(round - 1);
        return Instant.parse(line.substring(0, line.indexOf(' ')));
    }

    private static long streamAddedNanos(Participant member, int round) {
        return member.journal().entries().stream()
                .filter(entry -> entry.event() == ClientEvent.STREAM_ADDED && "alice".equals(entry.userId()))
                .mapToLong(JournalEntry::atNanos).skip(round - 1L).findFirst()
                .orElseThrow(() -> new IllegalStateException(member + " has no stream-added number " + round + " from alice"));
    }

    /** How often the member's signaling was lost (connection-state-changed to RECONNECTING). */
    private static long reconnections(Participant member) {
        return member.journal().entries().stream().filter(AudienceBenchmark::isReconnecting).count();
    }

    /** The members' losses of signaling counted by the phase of the run they happened in, in the phases' order. */
    private static Map<String, Long> reconnectionsByPhase(List<Participant> members, HealthProbe probe) {
        Map<String, Long> byPhase = new LinkedHashMap<>();
        probe.phases().keySet().forEach(phase -> byPhase.put(phase, 0L));
        members.forEach(member -> member.journal().entries().stream().filter(AudienceBenchmark::isReconnecting)
                .forEach(entry -> byPhase.merge(probe.phaseAt(entry.atNanos()), 1L, Long::sum)));
        byPhase.values().removeIf(count -> count == 0);
        return byPhase;
    }

    private static boolean isReconnecting(JournalEntry entry) {
        return entry.payload() instanceof ConnectionStateChange change && change.state() == ConnectionState.RECONNECTING;
    }

    private static long peerJoinsNotFromAlice(Participant member) {
        return member.journal().entries().stream()
                .filter(entry -> entry.event() == ClientEvent.PEER_JOIN && !"alice".equals(entry.userId())).count();
    }

    /** Time spent in collections so far (pauses and, for concurrent collectors, their cycles), in ms. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(ms -> ms > 0).sum();
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
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
}
