package io.trtcsim.sdk;

import io.trtcsim.media.MediaEngine;
import io.trtcsim.sdk.signaling.Signaling;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RtcError;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SDK's entry point, as TRTC.createClient / TRTC.createStream. One instance stands for one
 * browser tab: it owns the libwebrtc engine its clients and streams use, and closing it releases
 * them all, in reverse order of creation (clients before the streams they publish).
 */
public final class TRTC implements AutoCloseable {

    public static final String VERSION = "4.x-simulated";

    private final Signaling signaling;
    private final SdkOptions options;
    private final String name;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final List<LocalStream> streams = new CopyOnWriteArrayList<>();
    private MediaEngine engine;
    private boolean closed;

    public TRTC(String name, Signaling signaling, SdkOptions options) {
        this.name = name;
        this.signaling = signaling;
        this.options = options;
    }

    public Client createClient(ClientConfig config) {
        Client client = new Client(config, signaling, options, this::engine);
        clients.add(client);
        return client;
    }

    public LocalStream createStream(StreamConfig config) {
        LocalStream stream = new LocalStream(config, this::engine, options.clock());
        streams.add(stream);
        return stream;
    }

    /** The engine is made on first use: a client that only fails to join never loads libwebrtc. */
    private synchronized MediaEngine engine() {
        if (closed) {
            throw new RtcError(ErrorCode.INVALID_OPERATION, "TRTC instance " + name + " is closed");
        }
        if (engine == null) {
            engine = new MediaEngine(name);
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
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
