package io.trtcsim.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * One libwebrtc world: a headless audio device and the peer-connection factory built on it.
 * Each simulated participant and the simulator own one, as each browser tab and each server
 * would. Closing it disposes the factory; an undisposed factory keeps the JVM alive.
 */
public final class MediaEngine implements AutoCloseable {

    private final HeadlessAudioDeviceModule audioDevice;
    private final PeerConnectionFactory factory;
    private final String name;
    private final StampedLock audioGate = new StampedLock();
    private final ExecutorService gatekeeper;
    private final ScheduledExecutorService timer;
    private boolean closed;

    public MediaEngine(String name) {
        this.name = name;
        // The default audio module aborts the JVM on machines without a sound card, and a headless
        // module that is not "playing out" delivers remote audio at twice the real rate. Playout must
        // start after the factory exists: started before, remote audio is received but never pulled
        // from the jitter buffer (measured: packetsReceived grows, totalSamplesReceived stays 0).
        this.audioDevice = new HeadlessAudioDeviceModule();
        this.factory = new PeerConnectionFactory(audioDevice);
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
     * Pushes 10 ms of audio into a custom source, unless a negotiation is under way (then it waits
     * until that connection sends). See {@link #withAudioHeld}.
     */
    public void pushAudio(CustomAudioSource source, byte[] pcm, int bitsPerSample, int sampleRate, int channels,
                          int frames) {
        long stamp = audioGate.readLock();
        try {
            source.pushAudio(pcm, bitsPerSample, sampleRate, channels, frames);
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
     * stopped as soon as libwebrtc has started it, and no push may run until then. The gate is
     * taken on a thread of its own: setup completes on libwebrtc's threads, which must never wait.
     */
    public <T> CompletableFuture<T> withAudioHeld(Supplier<CompletableFuture<T>> setup) {
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

    /** Runs a task every {@code periodMillis} on the engine's timer until the returned future is cancelled. */
    public ScheduledFuture<?> every(long periodMillis, Runnable task) {
        return timer.scheduleAtFixedRate(task, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    public String name() {
        return name;
    }

    PeerConnectionFactory factory() {
        return factory;
    }

    public PeerLink createPeerLink(String linkName) {
        return new PeerLink(this, linkName);
    }

    public VideoTrack createVideoTrack(String id, CustomVideoSource source) {
        return factory.createVideoTrack(id, source);
    }

    public AudioTrack createAudioTrack(String id, CustomAudioSource source) {
        return factory.createAudioTrack(id, source);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
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

    @Override
    public String toString() {
        return "MediaEngine[" + name + "]";
    }
}
