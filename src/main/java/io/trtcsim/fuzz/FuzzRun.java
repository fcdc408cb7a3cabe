package io.trtcsim.fuzz;

import io.trtcsim.concurrent.DaemonThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fuzz run: checks that the server answers, joins the sentinel, starts the /health poller and
 * the liveness probes, runs the parallel connections until the messages are sent (or the time is
 * up, or a crash or hang is found), then checks once more and reports.
 */
final class FuzzRun {

    static final Duration PROBE_PERIOD = Duration.ofSeconds(2);
    /** How long the connections may take to finish after the last scenario was handed out. */
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final FuzzPlan plan;
    private final FuzzTally tally = new FuzzTally();
    private final List<String> findings = new CopyOnWriteArrayList<>();
    private final AtomicLong probes = new AtomicLong();
    private final AtomicLong probeWorstMillis = new AtomicLong();

    FuzzRun(FuzzPlan plan) {
        this.plan = plan;
    }

    /** The run's report; FuzzCannotRunException when nothing serves at the URL or the sentinel cannot join. */
    FuzzReport run() {
        LivenessProbe probe = new LivenessProbe(plan.url());
        LivenessProbe.Result first = probe.probe();
        if (first.outcome() != LivenessProbe.Outcome.ANSWERED) {
            throw new FuzzCannotRunException("nothing serves signaling at " + plan.url() + ": " + first.detail());
        }
        FuzzAccounts accounts = new FuzzAccounts(plan.app(), plan.seed());
        long start = System.nanoTime();
        ScenarioSource source = new ScenarioSource(new HostileMessages(accounts, plan.seed()), tally, plan.messages(),
                start + plan.duration().toNanos());
        Sentinel sentinel;
        try {
            sentinel = Sentinel.join(plan.url(), accounts);
        } catch (IOException | IllegalStateException e) {
            throw new FuzzCannotRunException("the sentinel could not join at " + plan.url() + ": " + e.getMessage(), e);
        }
        ScheduledExecutorService probing = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("fuzz-probe"));
        ExecutorService connections = Executors.newFixedThreadPool(plan.connections(), new DaemonThreads("fuzz-connection"));
        try (HealthPoller health = new HealthPoller(plan.healthUrl()); sentinel) {
            health.start();
            Runnable check = () -> check(probe, source);
            probing.scheduleWithFixedDelay(check, PROBE_PERIOD.toMillis(), PROBE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            for (int i = 0; i < plan.connections(); i++) {
                // A refused connection is checked at once: a crash ends the run.
                connections.execute(new FuzzConnection(plan.url(), source, tally, why -> checkSoon(probing, check), plan.seed() + i));
            }
            connections.shutdown();
            if (!awaitConnections(connections, plan.duration().plus(DRAIN))) {
                findings.add("hang: fuzz connections still waiting " + DRAIN.toSeconds() + " s after the last scenario");
            }
            probing.shutdownNow();
            awaitQuietly(probing);
            check(probe, source);
            sentinel.checkStillServed();
            sentinel.disturbances().forEach(what -> findings.add("sentinel disturbed: " + what));
            health.firstProblem().ifPresent(problem -> findings.add("slow /health: " + health.slowPolls() + " of "
                    + health.polls() + " polls over " + HealthPoller.LIMIT.toMillis() + " ms or failed; worst "
                    + health.worstMillis() + " ms; first: " + problem));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            String stoppedBy = source.stoppedBy() == null ? "messages" : source.stoppedBy();
            return new FuzzReport(plan, millis, stoppedBy, tally.snapshot(), health.polls(), health.slowPolls(),
                    health.worstMillis(), probes.get(), probeWorstMillis.get(), sentinel.heartbeatsAnswered(),
                    sentinel.worstAnswerMillis(), List.copyOf(findings));
        } finally {
            probing.shutdownNow();
            connections.shutdownNow();
        }
    }

    private void check(LivenessProbe probe, ScenarioSource source) {
        LivenessProbe.Result result = probe.probe();
        probes.incrementAndGet();
        probeWorstMillis.accumulateAndGet(result.millis(), Math::max);
        String kind = switch (result.outcome()) {
            case ANSWERED -> null;
            case REFUSED -> "crash";
            case SILENT -> "hang";
            case FAILED -> "not served";
        };
        if (kind != null) {
            String finding = kind + " after " + tally.hostileSent() + " messages: " + result.detail();
            if (findings.stream().noneMatch(earlier -> earlier.startsWith(kind + " "))) {
                findings.add(finding);
            }
            source.stop(finding);
        }
    }

    private static void checkSoon(ScheduledExecutorService probing, Runnable check) {
        try {
            probing.execute(check);
        } catch (RejectedExecutionException e) {
            // the run is ending: its last check comes anyway
        }
    }

    private static boolean awaitConnections(ExecutorService connections, Duration limit) {
        try {
            return connections.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(LivenessProbe.LIMIT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
