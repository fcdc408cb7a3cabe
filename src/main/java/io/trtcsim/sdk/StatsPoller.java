package io.trtcsim.sdk;

import dev.onvoid.webrtc.RTCStatsReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks each connection for its getStats() once per instant, however many periodic readers want
 * it then. Each getStats() is a trip to libwebrtc's signaling thread that walks every stream of the
 * connection; the recording (1 s), network-quality (2 s) and audio-volume (its interval) used to
 * ask on timers of their own, so the same report was built up to three times over at once.
 *
 * <p>Every reader is due at whole multiples of its period counted from the poller's origin, not from
 * when it was added, so readers whose periods divide one another fall due together: with the
 * recording and network-quality, every other recording tick is also a network-quality tick. The
 * origin is when the first reader was added (the client's join), not when the poller was made:
 * thousands of clients made at once but joining over a ramp then tick apart, not in one burst. The
 * poller sleeps until the earliest instant any reader is due and hands every reader due then one
 * {@link Round}: the first reader to ask for a connection's report starts its getStats(), the others
 * get the same future. A tick that ran late serves each due reader once and moves it on to its next
 * instant after now, rather than catching up in a burst.
 *
 * <p>The lock guards only the readers' due instants and the pending tick: it is never held while a
 * reader runs or getStats() is asked, so a libwebrtc thread never waits for it. A reader removed
 * while its round is under way may still see that round: whoever delivers its results checks that
 * it still wants them.
 *
 * @param <L> a connection (a PeerLink; tests use plain names)
 */
final class StatsPoller<L> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatsPoller.class);

    /** Reads the reports it needs from a round, on the poller's thread; it may complete asynchronously. */
    interface Reader<L> {
        void read(Round<L> round);
    }

    /** Where ticks run, and the time they go by. */
    interface Ticks extends AutoCloseable {
        long nowMillis();

        /** Runs {@code task} once after {@code delayMillis}; cancelling the future unschedules it. */
        Future<?> schedule(Runnable task, long delayMillis);

        @Override
        void close();
    }

    /** A reader's place in the schedule; {@link #cancel} takes it out. */
    interface Registration {
        void cancel();
    }

    /**
     * The reports of one tick: one getStats() per connection, started by the first reader that asks.
     * Read on the thread that made it only (the poller's, or an on-demand caller's).
     */
    static final class Round<L> {
        private final Function<L, CompletableFuture<RTCStatsReport>> getStats;
        private final Map<L, CompletableFuture<RTCStatsReport>> reports = new HashMap<>();

        Round(Function<L, CompletableFuture<RTCStatsReport>> getStats) {
            this.getStats = getStats;
        }

        CompletableFuture<RTCStatsReport> report(L link) {
            return reports.computeIfAbsent(link, getStats);
        }
    }

    private final class Scheduled implements Registration {
        private final long periodMillis;
        private final Reader<L> reader;
        private long dueMillis;

        Scheduled(long periodMillis, Reader<L> reader, long dueMillis) {
            this.periodMillis = periodMillis;
            this.reader = reader;
            this.dueMillis = dueMillis;
        }

        @Override
        public void cancel() {
            remove(this);
        }
    }

    private final Ticks ticks;
    private final Function<L, CompletableFuture<RTCStatsReport>> getStats;
    /** Set by the first reader: a client's readers fall due together, the clients of a machine apart. */
    private long originMillis = -1;
    private final List<Scheduled> readers = new ArrayList<>();
    private Future<?> pending;
    private long pendingAtMillis = Long.MAX_VALUE;
    private boolean closed;

    StatsPoller(Ticks ticks, Function<L, CompletableFuture<RTCStatsReport>> getStats) {
        this.ticks = ticks;
        this.getStats = getStats;
    }

    /** Hands {@code reader} a round every {@code periodMillis} (at least 1) until cancelled. */
    synchronized Registration every(long periodMillis, Reader<L> reader) {
        long period = Math.max(1, periodMillis);
        if (originMillis < 0) {
            originMillis = ticks.nowMillis();
        }
        Scheduled scheduled = new Scheduled(period, reader, nextDue(ticks.nowMillis(), period));
        if (!closed) {
            readers.add(scheduled);
            scheduleEarliest();
        }
        return scheduled;
    }

    /** A round of its own, for a reader that wants the reports of now. */
    Round<L> roundNow() {
        return new Round<>(getStats);
    }

    private synchronized void remove(Scheduled scheduled) {
        readers.remove(scheduled);
        scheduleEarliest();
    }

    /** The first multiple of {@code period} past the origin that is later than {@code now}. */
    private long nextDue(long now, long period) {
        return originMillis + (Math.floorDiv(now - originMillis, period) + 1) * period;
    }

    private void scheduleEarliest() {
        long earliest = readers.stream().mapToLong(r -> r.dueMillis).min().orElse(Long.MAX_VALUE);
        if (earliest == pendingAtMillis) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        pendingAtMillis = earliest;
        if (earliest != Long.MAX_VALUE && !closed) {
            pending = ticks.schedule(() -> tick(earliest), Math.max(0, earliest - ticks.nowMillis()));
        }
    }

    private void tick(long atMillis) {
        List<Reader<L>> due = new ArrayList<>();
        synchronized (this) {
            if (atMillis != pendingAtMillis || closed) {
                return;
            }
            pending = null;
            pendingAtMillis = Long.MAX_VALUE;
            long now = Math.max(atMillis, ticks.nowMillis());
            for (Scheduled scheduled : readers) {
                if (scheduled.dueMillis <= atMillis) {
                    due.add(scheduled.reader);
                    scheduled.dueMillis = nextDue(now, scheduled.periodMillis);
                }
            }
            scheduleEarliest();
        }
        Round<L> round = new Round<>(getStats);
        for (Reader<L> reader : due) {
            try {
                reader.read(round);
            } catch (RuntimeException e) {
                log.error("a statistics reader failed", e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            readers.clear();
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }
        ticks.close();
    }
}
