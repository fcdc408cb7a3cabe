package io.trtcsim.sdk;

import io.trtcsim.media.EngineLease;
import io.trtcsim.media.EngineSource;
import io.trtcsim.media.MediaEngine;
import io.trtcsim.media.SharedMediaEngine;
import io.trtcsim.sdk.signaling.Signaling;
import io.trtcsim.trtc.DeviceKind;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RtcError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SDK's entry point, as TRTC.createClient / TRTC.createStream. One instance stands for one
 * browser tab: it owns the libwebrtc engine its clients and streams use, and closing it releases
 * them all, in reverse order of creation (clients before the streams they publish).
 * <p>
 * Its clients' events and timers run on a {@link ClientRuntime}: its own (made here, closed with it),
 * or one shared by many tabs, which whoever made it closes after them. A tab made
 * {@link #withoutMedia} never loads libwebrtc: it joins, leaves and hears the room's events, and a
 * publish or subscribe fails with INVALID_OPERATION saying so.
 * <p>
 * An instance made {@link #onSharedEngine on a shared engine} uses one that other instances use
 * too: it holds a lease on it from its first use and gives the lease back when closed, after its
 * own connections; the engine's owner closes the engine.
 */
public final class TRTC implements AutoCloseable {

    public static final String VERSION = "4.x-simulated";

    /** Whether a tab may load libwebrtc. */
    private enum Media {
        /** Made on first use: a client that only fails to join never loads it. */
        ON_FIRST_USE,
        /** Never: signaling only. */
        NONE
    }

    private final Signaling signaling;
    private final SdkOptions options;
    private final String name;
    private final ClientRuntime runtime;
    /** The runtime this tab made and closes, or null when it uses one it was given. */
    private final ClientRuntime ownRuntime;
    private final Media media;
    /** Where the engine comes from on first use (one recording a machine microphone too). */
    private final EngineSource engines;
    /** Whether other tabs use the same engine at the same time (a shared receive engine). */
    private final boolean sharesEngine;
    private final Rendering rendering;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final List<LocalStream> streams = new CopyOnWriteArrayList<>();
    private MediaEngine engine;
    /** The hold on {@link #engine}, taken from {@link #engines}; null while there is no engine. */
    private EngineLease lease;
    private boolean closed;

    /** A tab with threads of its own (a {@link ClientRuntime} it closes). */
    public TRTC(String name, Signaling signaling, SdkOptions options) {
        this(name, signaling, options, ClientRuntime.create(), true, Media.ON_FIRST_USE, EngineSource.OWN, false,
                Rendering.FRAMES);
    }

    /** A tab whose clients run on {@code runtime}, shared with other tabs; closing the tab leaves it running. */
    public TRTC(String name, Signaling signaling, SdkOptions options, ClientRuntime runtime) {
        this(name, signaling, options, runtime, EngineSource.OWN);
    }

    /**
     * A tab whose engine, its own while the tab is open, comes from {@code engines} on first use and
     * goes back to it when the tab is closed (a {@link io.trtcsim.media.MediaEnginePool} keeps it for
     * the next tab); its clients run on {@code runtime}.
     */
    public TRTC(String name, Signaling signaling, SdkOptions options, ClientRuntime runtime, EngineSource engines) {
        this(name, signaling, options, runtime, false, Media.ON_FIRST_USE, engines, false, Rendering.FRAMES);
    }

    /**
     * A tab that never loads libwebrtc, as many signaling-only participants need (an audience that
     * only hears of streams): its clients join, leave and deliver events; publish, subscribe and
     * a stream's initialize fail with INVALID_OPERATION naming the tab.
     */
    public static TRTC withoutMedia(String name, Signaling signaling, SdkOptions options, ClientRuntime runtime) {
        return new TRTC(name, signaling, options, runtime, false, Media.NONE, EngineSource.OWN, false, Rendering.NONE);
    }

    /**
     * An instance whose connections run on {@code engine}, shared with others, rendering remote media
     * so; its clients run on {@code runtime}, which whoever made it closes.
     */
    public static TRTC onSharedEngine(String name, Signaling signaling, SdkOptions options, ClientRuntime runtime,
                                      SharedMediaEngine engine, Rendering rendering) {
        if (engine == null || rendering == null) {
            throw new IllegalArgumentException("TRTC instance " + name + " on a shared engine needs the engine and a"
                    + " rendering (got " + engine + ", " + rendering + ")");
        }
        return new TRTC(name, signaling, options, runtime, false, Media.ON_FIRST_USE, engine::lease, true, rendering);
    }

    private TRTC(String name, Signaling signaling, SdkOptions options, ClientRuntime runtime, boolean ownsRuntime,
                 Media media, EngineSource engines, boolean sharesEngine, Rendering rendering) {
        if (runtime == null) {
            throw new IllegalArgumentException("TRTC instance " + name + " needs a ClientRuntime to run its clients on, got null");
        }
        this.name = name;
        this.signaling = signaling;
        this.options = options;
        this.runtime = runtime;
        this.ownRuntime = ownsRuntime ? runtime : null;
        this.media = media;
        this.engines = engines;
        this.sharesEngine = sharesEngine;
        this.rendering = rendering;
    }

    public Client createClient(ClientConfig config) {
        Client client = new Client(config, signaling, options, this::engine, rendering, runtime);
        clients.add(client);
        return client;
    }

    /** TRTC.getCameras(): the machine's cameras, then the stand-ins. */
    public CompletableFuture<List<DeviceInfo>> getCameras() {
        return CompletableFuture.completedFuture(Devices.list(DeviceKind.VIDEO_INPUT, options.standInDevices()));
    }

    /** TRTC.getMicrophones(): the machine's microphones (where a PulseAudio server answers), then the stand-ins. */
    public CompletableFuture<List<DeviceInfo>> getMicrophones() {
        return CompletableFuture.completedFuture(Devices.list(DeviceKind.AUDIO_INPUT, options.standInDevices()));
    }

    /** TRTC.getSpeakers(): the machine's speakers (where a PulseAudio server answers). */
    public CompletableFuture<List<DeviceInfo>> getSpeakers() {
        return CompletableFuture.completedFuture(Devices.list(DeviceKind.AUDIO_OUTPUT, options.standInDevices()));
    }

    /** TRTC.getDevices(): microphones, cameras and speakers. */
    public CompletableFuture<List<DeviceInfo>> getDevices() {
        List<DeviceInfo> all = new ArrayList<>();
        for (DeviceKind kind : DeviceKind.values()) {
            all.addAll(Devices.list(kind, options.standInDevices()));
        }
        return CompletableFuture.completedFuture(List.copyOf(all));
    }

    /**
     * TRTC.checkSystemRequirements() (v4.9.0+), answered for this environment, where the harness is the
     * browser: {@code result} is WebRTC supported and a video codec both encoded and decoded
     * ({@link SystemRequirements}); how each field is found is {@link SystemCheck}'s.
     */
    public static CompletableFuture<SystemRequirements> checkSystemRequirements() {
        return CompletableFuture.completedFuture(SystemCheck.run());
    }

    public LocalStream createStream(StreamConfig config) {
        LocalStream stream = new LocalStream(config, this::engine, this::engineRecordingFrom, options.clock(),
                options.standInDevices());
        streams.add(stream);
        return stream;
    }

    /** Whether this tab may load libwebrtc (false for one made {@link #withoutMedia}). */
    public boolean hasMedia() {
        return media != Media.NONE;
    }

    /** What this instance does with the remote media it receives. */
    public Rendering rendering() {
        return rendering;
    }

    /** Whether libwebrtc was loaded for this tab (a signaling-only tab never has it). */
    public synchronized boolean engineLoaded() {
        return engine != null;
    }

    /** The engine is made on first use: a client that only fails to join never loads libwebrtc. */
    private synchronized MediaEngine engine() {
        if (closed) {
            throw new RtcError(ErrorCode.INVALID_OPERATION, "TRTC instance " + name + " is closed");
        }
        if (media == Media.NONE) {
            throw new RtcError(ErrorCode.INVALID_OPERATION, "TRTC instance " + name
                    + " was created without media (signaling only): it can neither capture, publish nor subscribe");
        }
        if (engine == null) {
            lease = engines.take(name);
            engine = lease.engine();
        }
        return engine;
    }

    /**
     * The tab's engine recording from a microphone of the machine: made for it when the tab has no
     * engine yet. A tab records one microphone (another is switched to with switchDevice), and an
     * engine that already pushes audio, or one shared with other tabs, cannot start recording:
     * NOT_SUPPORTED, saying what to do instead.
     */
    private synchronized MediaEngine engineRecordingFrom(FoundDevice.MachineMicrophone microphone) {
        String label = microphone.info().label();
        if (sharesEngine) {
            throw new RtcError(ErrorCode.NOT_SUPPORTED, "TRTC instance " + name + " shares its engine with other"
                    + " tabs; recording the machine's microphone '" + label + "' needs a tab of its own");
        }
        if (engine == null && !closed && media != Media.NONE) {
            lease = engines.recording(name, microphone.device());
            engine = lease.engine();
            return engine;
        }
        MediaEngine current = engine();
        if (current.microphone().isEmpty()) {
            throw new RtcError(ErrorCode.NOT_SUPPORTED, "TRTC instance " + name + " started its engine with pushed"
                    + " audio before this stream (it published, subscribed or captured first); create and"
                    + " initialize the stream from the machine's microphone '" + label + "' first, or in a tab of its own");
        }
        if (!MediaEngine.sameDevice(current.microphone().get(), microphone.device())) {
            throw new RtcError(ErrorCode.NOT_SUPPORTED, "TRTC instance " + name + " records the machine's microphone '"
                    + current.microphone().get().getName() + "'; one microphone per tab (switchDevice changes it)");
        }
        return current;
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
        // Its connections are closed: the engine goes back to its source (disposed, kept for the next
        // tab, or left to the tabs sharing it). Outside the monitor: that waits for connections still
        // closing on libwebrtc's threads.
        EngineLease releasing;
        synchronized (this) {
            closed = true;
            releasing = lease;
            lease = null;
            engine = null;
        }
        if (releasing != null) {
            releasing.close();
        }
        if (ownRuntime != null) {
            ownRuntime.close();
        }
        if (first != null) {
            throw first;
        }
    }
}
