package io.trtcsim.sdk;

import io.trtcsim.media.MediaEngine;
import io.trtcsim.media.SharedMediaEngine;
import io.trtcsim.sdk.signaling.Signaling;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RtcError;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SDK's entry point, as TRTC.createClient / TRTC.createStream. One instance stands for one
 * browser tab: it owns the libwebrtc engine its clients and streams use, and closing it releases
 * them all, in reverse order of creation (clients before the streams they publish).
 * <p>
 * An instance made {@link #onSharedEngine on a shared engine} uses one that other instances use
 * too: it holds a lease on it from its first use and gives the lease back when closed, after its
 * own connections; the engine's owner closes the engine.
 */
public final class TRTC implements AutoCloseable {

    public static final String VERSION = "4.x-simulated";

    private final Signaling signaling;
    private final SdkOptions options;
    private final String name;
    /** Null for an instance with its own engine. */
    private final SharedMediaEngine shared;
    private final Rendering rendering;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final List<LocalStream> streams = new CopyOnWriteArrayList<>();
    private MediaEngine engine;
    private SharedMediaEngine.Lease lease;
    private boolean closed;

    /** A tab of its own: its own engine, made on first use, and remote media rendered into sinks. */
    public TRTC(String name, Signaling signaling, SdkOptions options) {
        this(name, signaling, options, null, Rendering.FRAMES);
    }

    private TRTC(String name, Signaling signaling, SdkOptions options, SharedMediaEngine shared, Rendering rendering) {
        this.name = name;
        this.signaling = signaling;
        this.options = options;
        this.shared = shared;
        this.rendering = rendering;
    }

    /** An instance whose connections run on {@code engine}, shared with others, rendering remote media so. */
    public static TRTC onSharedEngine(String name, Signaling signaling, SdkOptions options, SharedMediaEngine engine,
                                      Rendering rendering) {
        if (engine == null || rendering == null) {
            throw new IllegalArgumentException("a TRTC instance on a shared engine needs the engine and a rendering"
                    + " (got " + engine + ", " + rendering + ")");
        }
        return new TRTC(name, signaling, options, engine, rendering);
    }

    public Client createClient(ClientConfig config) {
        Client client = new Client(config, signaling, options, this::engine, rendering);
        clients.add(client);
        return client;
    }

    public LocalStream createStream(StreamConfig config) {
        LocalStream stream = new LocalStream(config, this::engine, options.clock());
        streams.add(stream);
        return stream;
    }

    /** What this instance does with the remote media it receives. */
    public Rendering rendering() {
        return rendering;
    }

    /** The engine is made (or leased) on first use: a client that only fails to join never loads libwebrtc. */
    private synchronized MediaEngine engine() {
        if (closed) {
            throw new RtcError(ErrorCode.INVALID_OPERATION, "TRTC instance " + name + " is closed");
        }
        if (engine == null) {
            if (shared == null) {
                engine = new MediaEngine(name);
            } else {
                lease = shared.lease(name);
                engine = lease.engine();
            }
        }
        return engine;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Client client : clients) {
            try {
                client.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        for (LocalStream stream : streams) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        synchronized (this) {
            closed = true;
            if (lease != null) {
                // Its connections are closed: the engine itself is its owner's to close.
                lease.close();
                lease = null;
            } else if (engine != null) {
                engine.close();
            }
            engine = null;
        }
        if (first != null) {
            throw first;
        }
    }
}
