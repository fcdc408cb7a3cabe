package io.trtcsim.media;

import dev.onvoid.webrtc.media.audio.AudioDevice;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engines kept for reuse: a user takes an idle engine (or a new one) for itself alone, and when it
 * closes its lease, after its connections, the engine waits idle for the next user instead of being
 * disposed.
 *
 * <p>Why: webrtc-java 0.14.0's {@code RTCPeerConnection.close()} closes the native connection but
 * never releases it, and the connection keeps its engine's audio device module alive after the
 * factory is disposed: two native threads ({@code AudioDeviceBuff}, {@code rtc-low-prio}) and about
 * 2 MB stay behind for every engine that had a connection (docs/measurements.md, "Soak"). A test run
 * that makes a few engines per scenario grows by hundreds of threads over a suite. Kept engines are
 * never disposed between users, so a run leaks only the engines it disposes: at most those beyond
 * {@code maxIdle}, and the idle ones when the pool is closed.
 *
 * <p>An engine is handed on only when it is back to how it was made ({@link MediaEngine#readyForNextUser}:
 * every connection closed, its timer tasks cancelled, playout stopped until the next user); one
 * that records a machine microphone, or whose connections did not close, is disposed instead.
 * Engines are made and made ready outside the monitor (native calls); the monitor guards the idle
 * list only, and no libwebrtc callback takes it.
 */
public final class MediaEnginePool implements EngineSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaEnginePool.class);
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(10);

    private final String name;
    private final int maxIdle;
    private final Deque<MediaEngine> idle = new ArrayDeque<>();
    private int made;
    private int reused;
    private int leased;
    private int recorded;
    private boolean closed;

    /** A pool keeping at most {@code maxIdle} idle engines (beyond that, a given-back engine is disposed). */
    public MediaEnginePool(String name, int maxIdle) {
        if (maxIdle < 1) {
            throw new IllegalArgumentException("a pool of engines keeps at least 1 idle engine, not " + maxIdle);
        }
        this.name = name;
        this.maxIdle = maxIdle;
    }

    @Override
    public EngineLease take(String user) {
        MediaEngine kept;
        int number;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the engine pool " + name + " is closed; " + user + " cannot take an engine");
            }
            leased++;
            kept = idle.pollFirst();
            if (kept != null) {
                reused++;
            }
            number = kept == null ? ++made : 0;
        }
        MediaEngine engine;
        try {
            if (kept != null) {
                kept.resume();
                engine = kept;
            } else {
                engine = new MediaEngine(name + "-" + number);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                leased--;
            }
            throw e;
        }
        return new Lease(engine);
    }

    /** Made and disposed like any user's own (see {@link EngineSource#recording}); counted, as each leaks when disposed. */
    @Override
    public EngineLease recording(String user, AudioDevice microphone) {
        EngineLease lease = EngineSource.super.recording(user, microphone);
        synchronized (this) {
            recorded++;
        }
        return lease;
    }

    private void giveBack(MediaEngine engine) {
        boolean ready = engine.readyForNextUser(CLOSE_PATIENCE);
        boolean keep;
        synchronized (this) {
            leased--;
            keep = ready && !closed && idle.size() < maxIdle;
            if (keep) {
                idle.addFirst(engine);
            }
        }
        if (!keep) {
            engine.close();
        }
    }

    /** Engines made so far, taken again from the idle ones, lent out now and idle now; recording engines made. */
    public synchronized Counts counts() {
        return new Counts(made, reused, leased, idle.size(), recorded);
    }

    /** Disposes the idle engines; an engine lent out now is disposed when it is given back. */
    @Override
    public void close() {
        List<MediaEngine> disposing;
        synchronized (this) {
            closed = true;
            disposing = new ArrayList<>(idle);
            idle.clear();
        }
        disposing.forEach(MediaEngine::close);
        log.debug("engine pool {} closed: {}", name, counts());
    }

    @Override
    public String toString() {
        return "MediaEnginePool[" + name + ", " + counts() + "]";
    }

    /**
     * How much the pool has served: engines made for keeping, lendings of a kept one, lent out now,
     * idle now; and engines made to record a machine microphone (never kept).
     */
    public record Counts(int made, int reused, int leased, int idle, int recorded) {
    }

    private final class Lease implements EngineLease {
        private final MediaEngine engine;
        private boolean returned;

        private Lease(MediaEngine engine) {
            this.engine = engine;
        }

        @Override
        public MediaEngine engine() {
            return engine;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (returned) {
                    return;
                }
                returned = true;
            }
            giveBack(engine);
        }
    }
}
