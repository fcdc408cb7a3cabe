package io.trtcsim.media;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@link MediaEngine} for many users (receive-only participants of a scenario), where each
 * would otherwise make its own. An engine is a headless audio device, a peer-connection factory and
 * its threads (signaling, worker, network, audio playout): profiled at 30 subscribers, the worker,
 * network and playout threads of one engine per subscriber spent most of the harness's CPU waking up
 * (docs/design.md, "Participant kinds"). Shared, one set of them serves every user, and one
 * playout pulls every received audio stream.
 *
 * <p>The engine is made on first use, so a scenario that never gets that far loads no libwebrtc.
 * Each user takes a {@link Lease} and closes it once its own peer connections are closed. The
 * owner closes the shared engine after all its users: disposing a factory under open peer
 * connections frees threads they still use, so {@link #close()} refuses while a lease is open and
 * names the users that hold one.
 *
 * <p>The monitor is taken by the users' own threads (the harness, the SDK's event and signaling
 * threads) when they first need the engine; no libwebrtc callback ever takes it. The engine is made
 * under it (a second one must never be made) and disposed outside it.
 */
public final class SharedMediaEngine implements AutoCloseable {

    private final String name;
    private final EngineSource source;
    private final List<Lease> leases = new ArrayList<>();
    /** The engine's own lease from its source, held while the engine runs. */
    private EngineLease base;
    private MediaEngine engine;
    private boolean closed;

    /** A shared engine of its own, disposed when this is closed. */
    public SharedMediaEngine(String name) {
        this(name, EngineSource.OWN);
    }

    /** A shared engine taken from {@code source} on first use and given back to it when this is closed. */
    public SharedMediaEngine(String name, EngineSource source) {
        this.name = name;
        this.source = source;
    }

    /** A user's hold on the engine, made now if no user needed it before. */
    public synchronized Lease lease(String user) {
        if (closed) {
            throw new IllegalStateException("the shared media engine " + name + " is closed; " + user + " cannot use it");
        }
        if (engine == null) {
            base = source.take(name);
            engine = base.engine();
        }
        Lease lease = new Lease(user, engine);
        leases.add(lease);
        return lease;
    }

    /** Whether an engine exists now (made and not closed). */
    public synchronized boolean isRunning() {
        return engine != null;
    }

    /** The users holding a lease now. */
    public synchronized List<String> users() {
        return leases.stream().map(Lease::user).toList();
    }

    private synchronized void release(Lease lease) {
        leases.remove(lease);
    }

    /** Disposes the engine once no lease is open; throws, leaving it running, while one is. */
    @Override
    public void close() {
        EngineLease closing;
        synchronized (this) {
            if (!leases.isEmpty()) {
                throw new IllegalStateException("the shared media engine " + name + " is still used by " + users()
                        + ": close them first (their peer connections run on its threads)");
            }
            closed = true;
            closing = base;
            base = null;
            engine = null;
        }
        if (closing != null) {
            closing.close();
        }
    }

    @Override
    public String toString() {
        return "SharedMediaEngine[" + name + "]";
    }

    /** One user's use of the shared engine; closing it lets the engine go when the last user has. */
    public final class Lease implements EngineLease {
        private final String user;
        private final MediaEngine leased;

        private Lease(String user, MediaEngine leased) {
            this.user = user;
            this.leased = leased;
        }

        public String user() {
            return user;
        }

        @Override
        public MediaEngine engine() {
            return leased;
        }

        @Override
        public void close() {
            release(this);
        }
    }
}
