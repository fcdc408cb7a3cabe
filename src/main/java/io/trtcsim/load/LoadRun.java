package io.trtcsim.load;

import io.trtcsim.harness.HarnessConfig;
import io.trtcsim.harness.Participant;
import io.trtcsim.harness.ParticipantKind;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.harness.Signatures;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.metrics.VideoAnalyzer;
import io.trtcsim.sdk.Playback;
import io.trtcsim.sdk.Stream;
import io.trtcsim.stack.Capability;
import io.trtcsim.stack.Stack;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load process carrying out its plan against its stack: participants join at the ramp rate
 * (publishers first), every interval the streams are measured and a row of the progress table is
 * printed, and after --duration (or on {@link #stop()}) the joins still under way are cancelled,
 * the steady window is measured and every participant, connection and thread of the run is
 * released before {@link #run()} returns what was measured.
 *
 * <p>Streams are measured as the features' media checks measure them: for FULL subscribers by
 * {@link VideoAnalyzer} over what each render sink received (frame rate, freezes, latency
 * percentiles); for stats-only ones between two getStats() readings ({@link ReceivedVideoReadings}:
 * frames decoded, frame rate, libwebrtc's freezes; no latency).
 */
public final class LoadRun {

    private static final VideoAnalyzer VIDEO = new VideoAnalyzer();
    /**
     * Joins under way at once, at most. A join with publish or subscribe takes about half a second
     * on an idle machine and several on a loaded one; four seconds' worth of the ramp keeps the rate
     * asked for, the cap keeps a fast ramp from piling up negotiations on a small machine.
     */
    private static final int MAX_JOINS_AT_ONCE = 16;
    private static final Duration JOINS_STOP_WITHIN = Duration.ofSeconds(5);
    private static final Duration STATS_READING_TIMEOUT = Duration.ofSeconds(5);

    private final LoadPlan plan;
    private final Duration interval;
    private final List<Threshold> thresholds;
    private final HarnessConfig config;
    private final ProgressTable progress;
    private final MediaClock clock = MediaClock.system();
    private final List<PlannedParticipant> planned;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean ran = new AtomicBoolean();
    private final Map<String, Participant> joined = new ConcurrentHashMap<>();
    private final AtomicInteger joinFailures = new AtomicInteger();
    private final AtomicInteger settled = new AtomicInteger();
    private final AtomicLong rampEndMicros = new AtomicLong(-1);
    private final AtomicLong lastSampleEndMicros = new AtomicLong();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<LoadSample> samples = new CopyOnWriteArrayList<>();
    private final ReceivedVideoReadings statsReadings = new ReceivedVideoReadings();
    private volatile boolean stopping;
    private volatile long startMicros;

    public LoadRun(LoadPlan plan, Duration interval, List<Threshold> thresholds, HarnessConfig config, PrintWriter out) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("--interval " + interval.toMillis() + " ms: the progress needs an interval above 0");
        }
        this.plan = plan;
        this.interval = interval;
        this.thresholds = List.copyOf(thresholds);
        this.config = config.with("harness.stack", plan.stack());
        this.progress = new ProgressTable(out);
        this.planned = plan.participants();
    }

    /** Ends the run early (Ctrl-C, SIGTERM): it then closes everything and returns what it measured so far. */
    public void stop() {
        stopRequested.countDown();
    }

    /** Runs the plan once; returns the report of this shard, its verdicts judged. */
    public LoadReport run() {
        if (!ran.compareAndSet(false, true)) {
            throw new IllegalStateException("a load run runs once; make another for the next run");
        }
        boolean interrupted = false;
        try (ScenarioContext scenario = ScenarioContext.with(config)) {
            Participants participants = new Participants(scenario);
            Signatures signatures = new Signatures(scenario);
            // Started before the clock: the stack's own start-up is not part of the ramp.
            requireWhatThePlanNeeds(scenario.stack());
            HarnessGauge gauge = new HarnessGauge(plan.shard().index());
            ScheduledThreadPoolExecutor ramp = new ScheduledThreadPoolExecutor(joinThreads(), named("load-join"));
            ScheduledExecutorService sampler = new ScheduledThreadPoolExecutor(1, named("load-sampler"));
            startMicros = clock.nowMicros();
            long startedEpochMillis = System.currentTimeMillis();
            lastSampleEndMicros.set(startMicros);
            RunEnd end;
            long endMicros;
            try {
                for (int i = 0; i < planned.size(); i++) {
                    PlannedParticipant next = planned.get(i);
                    ramp.schedule(() -> join(participants, signatures, next), plan.joinOffset(i).toNanos(), TimeUnit.NANOSECONDS);
                }
                sampler.scheduleAtFixedRate(() -> sampleSafely(gauge), interval.toNanos(), interval.toNanos(),
                        TimeUnit.NANOSECONDS);
                try {
                    end = stopRequested.await(plan.duration().toNanos(), TimeUnit.NANOSECONDS) ? RunEnd.INTERRUPTED
                            : RunEnd.COMPLETED;
                } catch (InterruptedException e) {
                    // Kept, and set again once everything is released: the teardown below must still wait for threads.
                    interrupted = true;
                    end = RunEnd.INTERRUPTED;
                }
                readStatsOnlySubscribers();
                endMicros = clock.nowMicros();
            } finally {
                stopping = true;
                stopThreads(ramp, sampler);
            }
            if (endMicros - lastSampleEndMicros.get() >= 100_000) {
                // The last, shorter interval: a run stopped early still shows its last seconds.
                progress.print(sample(lastSampleEndMicros.get(), endMicros, gauge));
            }
            collectHandlerFailures();
            LoadSummary summary = summarize(endMicros);
            ShardRun shard = ShardRun.of(plan, interval.toMillis() / 1000.0, hostName(), startedEpochMillis,
                    (endMicros - startMicros) / 1e6, end, planned.stream().map(PlannedParticipant::name)
                            .filter(joined::containsKey).toList());
            return LoadReport.judged(List.of(shard), samples, summary, thresholds, failures);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Where a participant of the run is made: the one place that chooses what it costs. Publishers
     * are FULL with engines of their own, as browser tabs; subscribers only receive, on the run's
     * one shared engine, FULL (sinks, markers) or STATS_ONLY (getStats) by --subscriber-kind; the
     * audience is SIGNALING_ONLY and never loads libwebrtc.
     */
    Participant createParticipant(Participants participants, String name, LoadRole role) {
        return switch (role) {
            case PUBLISHER -> participants.namedOrNew(name);
            case SUBSCRIBER -> participants.namedOrNew(name, plan.subscriberKind().participantKind());
            case AUDIENCE -> participants.namedOrNew(name, ParticipantKind.SIGNALING_ONLY);
        };
    }

    private void join(Participants participants, Signatures signatures, PlannedParticipant next) {
        if (stopping) {
            return;
        }
        try {
            Participant participant = createParticipant(participants, next.name(), next.role());
            String userSig = signatures.userSigFor(next.name());
            switch (next.role()) {
                case PUBLISHER -> {
                    participant.createClient(Mode.RTC, signatures.sdkAppId(), userSig);
                    participant.join(RoomId.numeric(next.room()));
                    participant.createLocalStream(Set.of(MediaKind.AUDIO, MediaKind.VIDEO), plan.video());
                    participant.initializeLocalStream();
                    participant.publish();
                }
                case SUBSCRIBER -> {
                    participant.createClient(Mode.RTC, signatures.sdkAppId(), userSig);
                    // Before the join: the stream-added of a stream published earlier arrives with the join.
                    participant.subscribeToAndPlayEveryAddedStream();
                    participant.join(RoomId.numeric(next.room()));
                }
                case AUDIENCE -> {
                    participant.createClient(Mode.LIVE, signatures.sdkAppId(), userSig);
                    participant.joinAs(Role.AUDIENCE);
                    participant.join(RoomId.numeric(next.room()));
                }
            }
            joined.put(next.name(), participant);
        } catch (RuntimeException | AssertionError e) {
            // A join cut short by the end of the run is not a failure of the stack.
            if (!stopping) {
                joinFailures.incrementAndGet();
                failures.add(next.name() + " in room " + next.room() + ": " + e.getMessage());
            }
        } finally {
            if (settled.incrementAndGet() == planned.size()) {
                rampEndMicros.set(clock.nowMicros());
            }
        }
    }

    /** A plan the chosen stack cannot serve: bad input like any other (exit status 2), found once the stack is known. */
    public static final class PlanRefusedByStack extends IllegalArgumentException {
        PlanRefusedByStack(String message) {
            super(message);
        }
    }

    private void requireWhatThePlanNeeds(Stack stack) {
        if (plan.audiencePerRoom() > 0 && !stack.capabilities().contains(Capability.LIVE_MODE_ROLES)) {
            throw new PlanRefusedByStack("--audience " + plan.audiencePerRoom() + " needs live mode with an audience"
                    + " role, which stack " + stack.name() + " does not have; run with --audience 0 there");
        }
    }

    /** A sampling that failed is reported, and the next interval is sampled all the same. */
    private void sampleSafely(HarnessGauge gauge) {
        readStatsOnlySubscribers();
        long now = clock.nowMicros();
        try {
            progress.print(sample(lastSampleEndMicros.get(), now, gauge));
        } catch (RuntimeException e) {
            failures.add("the interval ending " + Math.round((now - startMicros) / 1e6) + " s could not be sampled: " + e);
        }
    }

    /**
     * Reads the getStats() counters of every stats-only subscriber's streams, just before a sample
     * (or the end) is taken: the sample's windows are measured between such readings.
     */
    private void readStatsOnlySubscribers() {
        if (plan.subscriberKind() != SubscriberKind.STATS_ONLY) {
            return;
        }
        Map<Participant, List<String>> streams = new LinkedHashMap<>();
        for (PlannedParticipant subscriber : planned) {
            Participant participant = subscriber.role() == LoadRole.SUBSCRIBER ? joined.get(subscriber.name()) : null;
            if (participant != null) {
                streams.put(participant, plan.publishersIn(subscriber.room()));
            }
        }
        List<String> problems = statsReadings.readAll(streams, STATS_READING_TIMEOUT);
        if (!problems.isEmpty()) {
            failures.add("getStats() of stats-only subscribers at " + Math.round((clock.nowMicros() - startMicros) / 1e6)
                    + " s: " + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                    + (problems.size() > 5 ? " and " + (problems.size() - 5) + " more" : ""));
        }
    }

    private LoadSample sample(long fromMicros, long toMicros, HarnessGauge gauge) {
        lastSampleEndMicros.set(toMicros);
        LoadSample sample = new LoadSample((toMicros - startMicros) / 1e6, (toMicros - fromMicros) / 1e6, joined.size(),
                joinFailures.get(), planned.size(), plan.streamsPlanned(), streams(fromMicros, toMicros),
                List.of(gauge.read()));
        samples.add(sample);
        return sample;
    }

    /**
     * The steady window: from the end of the ramp (the last join settled, not before its planned
     * time) plus the warm-up, to the end. A run that ended before that is measured over all it ran.
     */
    private LoadSummary summarize(long endMicros) {
        long plannedRampEnd = startMicros + plan.joinOffset(planned.size() - 1).toNanos() / 1000;
        long rampEnd = rampEndMicros.get() < 0 ? endMicros : Math.max(rampEndMicros.get(), plannedRampEnd);
        long steadyFrom = rampEnd + plan.warmUp().toNanos() / 1000;
        long from = steadyFrom < endMicros ? steadyFrom : startMicros;
        return new LoadSummary((from - startMicros) / 1e6, (endMicros - startMicros) / 1e6, joined.size(),
                joinFailures.get(), planned.size(), plan.streamsPlanned(), streams(from, endMicros));
    }

    /** Every planned stream of every joined subscriber over the window, in the plan's order. */
    private List<StreamFigures> streams(long fromMicros, long toMicros) {
        List<StreamFigures> streams = new ArrayList<>();
        for (PlannedParticipant subscriber : planned) {
            Participant participant = subscriber.role() == LoadRole.SUBSCRIBER ? joined.get(subscriber.name()) : null;
            if (participant == null) {
                continue;
            }
            for (String publisher : plan.publishersIn(subscriber.room())) {
                if (plan.subscriberKind() == SubscriberKind.STATS_ONLY) {
                    streams.add(statsReadings.between(subscriber.name(), publisher, fromMicros, toMicros)
                            .map(decoded -> StreamFigures.ofStatistics(subscriber.name(), publisher, subscriber.room(), decoded))
                            .orElseGet(() -> StreamFigures.missing(subscriber.name(), publisher, subscriber.room())));
                    continue;
                }
                streams.add(participant.remoteStreamOf(publisher).flatMap(Stream::playback).flatMap(Playback::video)
                        .map(sink -> StreamFigures.of(subscriber.name(), publisher, subscriber.room(),
                                VIDEO.analyze(sink.frames(), fromMicros, toMicros)))
                        .orElseGet(() -> StreamFigures.missing(subscriber.name(), publisher, subscriber.room())));
            }
        }
        return streams;
    }

    /** What the subscribers' stream-added handlers could not do (a subscribe refused, a play that failed). */
    private void collectHandlerFailures() {
        for (PlannedParticipant next : planned) {
            Participant participant = joined.get(next.name());
            if (participant != null) {
                participant.handlerFailures().forEach(failure -> failures.add(next.name() + ": " + failure));
            }
        }
    }

    /**
     * Cancels the joins not begun, interrupts those under way, lets a sampling under way finish
     * (interrupted, its reads of /proc would fail), and waits until no thread of the run is left.
     */
    private void stopThreads(ScheduledThreadPoolExecutor ramp, ScheduledExecutorService sampler) {
        ramp.shutdownNow();
        sampler.shutdown();
        awaitEnd(ramp, "joins");
        awaitEnd(sampler, "sampling");
    }

    private void awaitEnd(ExecutorService executor, String what) {
        try {
            if (!executor.awaitTermination(JOINS_STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                failures.add("the run's " + what + " did not stop within " + JOINS_STOP_WITHIN.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("interrupted while waiting for the run's " + what + " to stop");
        }
    }

    private int joinThreads() {
        return (int) Math.max(1, Math.min(MAX_JOINS_AT_ONCE, Math.ceil(plan.rampPerSecond() * 4)));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            // Stopped by stopThreads on every path; daemon so that a bug there cannot hold the JVM open.
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
