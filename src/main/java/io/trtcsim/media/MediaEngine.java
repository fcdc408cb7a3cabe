package io.trtcsim.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.AudioLayer;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One libwebrtc world: an audio device module and the peer-connection factory built on it.
 * Each simulated participant and the simulator own one, as each browser tab and each server
 * would. Closing it disposes the factory; an undisposed factory keeps the JVM alive.
 * <p>
 * Audio comes in one of two ways, fixed when the engine is made: pushed into custom sources (the
 * synthetic and file microphones; a headless audio module) or recorded from a microphone of the
 * machine ({@link #recordingFrom}: libwebrtc's PulseAudio module). Not both: libwebrtc delivers
 * what the audio module records into every audio send stream, so a recording engine's pushes would
 * mix with, and race, the recorded audio.
 */
public final class MediaEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaEngine.class);

    private final AudioDeviceModuleBase audioDevice;
    /** The machine microphone a recording engine records from; empty for an engine of pushed audio. */
    private volatile Optional<AudioDevice> microphone;
    private final PeerConnectionFactory factory;
    private final String name;
    private final StampedLock audioGate = new StampedLock();
    private final ExecutorService gatekeeper;
    private final ScheduledExecutorService timer;
    private boolean closed;
    /** Connections closing on threads of their own (closed from a libwebrtc callback); close() waits for them. */
    private final Set<CompletableFuture<Void>> linksClosing = ConcurrentHashMap.newKeySet();
    /** Every connection of this engine not closed yet (its close future): a pooled engine is reused only without any. */
    private final Set<CompletableFuture<Void>> linksOpen = ConcurrentHashMap.newKeySet();
    /** The tasks of {@link #every} not cancelled yet: a pooled engine's next user must not inherit them. */
    private final Set<ScheduledFuture<?>> tasks = ConcurrentHashMap.newKeySet();

    /** An engine whose audio is pushed into custom sources (a headless audio module). */
    public MediaEngine(String name) {
        // The default audio module aborts the JVM on machines without a sound card, and a headless
        // module that is not "playing out" delivers remote audio at twice the real rate.
        this(name, new HeadlessAudioDeviceModule(), Optional.empty());
    }

    /**
     * An engine that records from a microphone of the machine through libwebrtc's PulseAudio module
     * (a PulseAudio server must answer), and plays out to the server's default sink. The microphone
     * is made the server's default source first: see {@link PulseAudioSources} for why.
     *
     * @throws IllegalArgumentException when the audio module does not list that microphone
     */
    public static MediaEngine recordingFrom(String name, AudioDevice microphone) {
        PulseAudioSources.makeDefault(microphone.getName());
        AudioDeviceModule module = new AudioDeviceModule(AudioLayer.kLinuxPulseAudio);
        try {
            module.setRecordingDevice(listed(module, microphone));
        } catch (RuntimeException e) {
            module.dispose();
            throw e;
        }
        return new MediaEngine(name, module, Optional.of(microphone));
    }

    private MediaEngine(String name, AudioDeviceModuleBase audioDevice, Optional<AudioDevice> microphone) {
        this.name = name;
        this.audioDevice = audioDevice;
        this.microphone = microphone;
        this.factory = new PeerConnectionFactory(audioDevice);
        // Playout must start after the factory exists: started before, remote audio is received but
        // never pulled from the jitter buffer (measured: packetsReceived grows, totalSamplesReceived stays 0).
        audioDevice.initPlayout();
        audioDevice.startPlayout();
        this.gatekeeper = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "audio-gate-" + name);
            thread.setDaemon(true);
            return thread;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "media-timer-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Pushes 10 ms of audio into a custom source, unless a negotiation or a track change holds this
     * engine's audio (see {@link #withAudioHeld}, {@link #holdingAudio}): then the chunk is dropped
     * at once, as a microphone's samples are lost while nothing reads them.
     * <p>
     * Why not wait: a source's pacer runs at a fixed rate, so a push that waited would be followed
     * by every push it missed, at once. The audio captured while a publisher's uplink came up (about
     * 0.7 s, over 1 s with a 200 ms uplink delay) then left in one burst; a subscriber already
     * connected got it all and played that publisher up to a second late, until its jitter buffer
     * had time-stretched the backlog away, 5-12 s later (measured: docs/measurements.md).
     *
     * @return false when the chunk was dropped because the audio is held
     */
    public boolean pushAudio(CustomAudioSource source, byte[] pcm, int bitsPerSample, int sampleRate, int channels,
                             int frames) {
        if (microphone.isPresent()) {
            throw new IllegalStateException("engine " + name + " records from the microphone '"
                    + microphone.get().getName() + "'; audio pushed into it would race the recorded audio");
        }
        long stamp = audioGate.tryReadLock();
        if (stamp == 0) {
            return false;
        }
        try {
            source.pushAudio(pcm, bitsPerSample, sampleRate, channels, frames);
            return true;
        } finally {
            audioGate.unlockRead(stamp);
        }
    }

    /**
     * Sets up a peer connection that sends audio with every audio push of this engine held back,
     * and stops the audio device's recording once the connection's audio is being sent.
     * {@code setup} must complete only then (see {@link PeerLink#audioSending}).
     * <p>
     * Why: when an audio send stream starts (as its transport becomes writable), libwebrtc starts
     * the audio device's recording. webrtc-java 0.14.0's headless device then runs a capture thread
     * that delivers (mixed playout) audio into every send stream; overlapping with a push into a
     * custom source, that aborts the JVM ("Check failed: !race_checker.RaceDetected()" in
     * audio_send_stream.cc). Custom sources are this project's only audio input, so recording is
     * stopped as soon as libwebrtc has started it, and no push may run until then (pushes meanwhile
     * are dropped, see {@link #pushAudio}). The gate is
     * taken on a thread of its own: setup completes on libwebrtc's threads, which must never wait.
     */
    public <T> CompletableFuture<T> withAudioHeld(Supplier<CompletableFuture<T>> setup) {
        if (microphone.isPresent()) {
            // Recording is this engine's audio input: nothing is pushed, and recording goes on.
            return setup.get();
        }
        return CompletableFuture.supplyAsync(audioGate::writeLock, gatekeeper)
                .thenCompose(stamp -> {
                    CompletableFuture<T> result;
                    try {
                        result = setup.get();
                    } catch (RuntimeException e) {
                        result = CompletableFuture.failedFuture(e);
                    }
                    return result.whenComplete((value, failure) -> {
                        try {
                            audioDevice.stopRecording();
                        } finally {
                            audioGate.unlockWrite(stamp);
                        }
                    });
                });
    }

    /**
     * Runs {@code change} while no audio is being pushed into any custom source of this engine: a
     * sender's audio track can then be replaced without the old and the new source delivering into
     * one send stream at once (libwebrtc's race checker aborts the JVM on that). Called from a
     * thread of the harness, never from a libwebrtc thread (it waits for pushes in progress).
     */
    public void holdingAudio(Runnable change) {
        long stamp = audioGate.writeLock();
        try {
            change.run();
        } finally {
            audioGate.unlockWrite(stamp);
        }
    }

    /** A connection of this engine closes on a thread of its own; the engine is not disposed before it is done. */
    void closingElsewhere(CompletableFuture<Void> done) {
        linksClosing.add(done);
        done.whenComplete((ok, failure) -> linksClosing.remove(done));
    }

    /** Runs a task every {@code periodMillis} on the engine's timer until the returned future is cancelled. */
    public ScheduledFuture<?> every(long periodMillis, Runnable task) {
        tasks.removeIf(ScheduledFuture::isDone);
        ScheduledFuture<?> scheduled = timer.scheduleAtFixedRate(task, 0, periodMillis, TimeUnit.MILLISECONDS);
        tasks.add(scheduled);
        return scheduled;
    }

    public String name() {
        return name;
    }

    PeerConnectionFactory factory() {
        return factory;
    }

    public PeerLink createPeerLink(String linkName) {
        PeerLink link = new PeerLink(this, linkName);
        CompletableFuture<Void> closed = link.whenClosed();
        linksOpen.add(closed);
        closed.whenComplete((ok, failure) -> linksOpen.remove(closed));
        return link;
    }

    /**
     * Makes this engine ready for another user ({@link MediaEnginePool}): waits up to
     * {@code patience} for every connection it made to be closed, cancels the timer tasks its user
     * left, and stops the audio device (playout starts again with {@link #resume}). False, leaving
     * the engine as it is, when a connection is still open then, or the engine records a
     * microphone, or it is closed: it is not to be reused. Native calls: call it holding no lock a
     * libwebrtc thread may need.
     */
    boolean readyForNextUser(Duration patience) {
        if (microphone.isPresent() || isClosed()) {
            return false;
        }
        try {
            CompletableFuture.allOf(linksOpen.toArray(CompletableFuture[]::new))
                    .get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("engine {}: {} connection(s) not closed by its last user; not reused", name, linksOpen.size());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        tasks.forEach(task -> task.cancel(false));
        tasks.clear();
        audioDevice.stopRecording();
        audioDevice.stopPlayout();
        return true;
    }

    /** Starts playout again for the next user of an engine made {@link #readyForNextUser ready for its next user}. */
    void resume() {
        audioDevice.initPlayout();
        audioDevice.startPlayout();
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    public VideoTrack createVideoTrack(String id, VideoTrackSource source) {
        return factory.createVideoTrack(id, source);
    }

    public AudioTrack createAudioTrack(String id, AudioTrackSource source) {
        return factory.createAudioTrack(id, source);
    }

    /** The microphone this engine records from; empty for an engine of pushed audio. */
    public Optional<AudioDevice> microphone() {
        return microphone;
    }

    /**
     * The source of what this engine records: the microphone as it is, with libwebrtc's echo
     * cancellation, gain control, noise suppression and high-pass filter off (gain control would
     * flatten the marker's bursts).
     *
     * @throws IllegalStateException for an engine of pushed audio
     */
    public AudioTrackSource createMicrophoneSource() {
        if (microphone.isEmpty()) {
            throw new IllegalStateException("engine " + name + " pushes its audio; it records from no microphone");
        }
        AudioOptions asRecorded = new AudioOptions();
        asRecorded.echoCancellation = false;
        asRecorded.autoGainControl = false;
        asRecorded.noiseSuppression = false;
        asRecorded.highpassFilter = false;
        return factory.createAudioSource(asRecorded);
    }

    /**
     * Records from another microphone of the machine from now on (switchDevice): the send streams
     * keep their track, so nothing is renegotiated. Native calls: never call it holding a lock a
     * libwebrtc thread may need.
     *
     * @throws IllegalStateException for an engine of pushed audio
     */
    public void switchMicrophone(AudioDevice next) {
        if (microphone.isEmpty()) {
            throw new IllegalStateException("engine " + name + " pushes its audio; it cannot record from '"
                    + next.getName() + "'");
        }
        AudioDevice listed = listed(audioDevice, next);
        PulseAudioSources.makeDefault(next.getName());
        audioDevice.stopRecording();
        audioDevice.setRecordingDevice(listed);
        audioDevice.initRecording();
        audioDevice.startRecording();
        microphone = Optional.of(next);
    }

    /** Mutes the microphone this engine records from (muteAudio of a stream captured from it). */
    void setMicrophoneMuted(boolean muted) {
        if (microphone.isPresent()) {
            audioDevice.setMicrophoneMute(muted);
        }
    }

    /** The module's own entry for a device (its list may give no descriptors: then by name). */
    private static AudioDevice listed(AudioDeviceModuleBase module, AudioDevice wanted) {
        List<AudioDevice> devices = module.getRecordingDevices();
        return devices.stream().filter(d -> sameDevice(d, wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the audio module lists no microphone '"
                        + wanted.getName() + "' (" + wanted.getDescriptor() + "); it lists "
                        + devices.stream().map(AudioDevice::getName).toList()));
    }

    /**
     * Whether two listings name one device: by descriptor where both have one, else by name
     * (webrtc-java's audio module lists PulseAudio devices without descriptors).
     */
    public static boolean sameDevice(AudioDevice a, AudioDevice b) {
        if (a.getDescriptor() != null && b.getDescriptor() != null) {
            return a.getDescriptor().equals(b.getDescriptor());
        }
        return a.getName() != null && a.getName().equals(b.getName());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        waitForLinksClosing();
        gatekeeper.shutdownNow();
        timer.shutdownNow();
        try {
            gatekeeper.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            audioDevice.stopRecording();
            audioDevice.stopPlayout();
        } finally {
            factory.dispose();
            audioDevice.dispose();
        }
    }

    /** A factory disposed under a connection still closing would free what that close uses. */
    private void waitForLinksClosing() {
        try {
            CompletableFuture.allOf(linksClosing.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("engine {}: {} connection(s) still closing after 10 s; disposing anyway", name, linksClosing.size());
        } catch (ExecutionException e) {
            log.warn("engine {}: a connection failed to close: {}", name, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "MediaEngine[" + name + "]";
    }
}
