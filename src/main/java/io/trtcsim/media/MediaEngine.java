package io.trtcsim.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;

/**
 * One libwebrtc world: a headless audio device and the peer-connection factory built on it.
 * Each simulated participant and the simulator own one, as each browser tab and each server
 * would. Closing it disposes the factory; an undisposed factory keeps the JVM alive.
 */
public final class MediaEngine implements AutoCloseable {

    private final HeadlessAudioDeviceModule audioDevice;
    private final PeerConnectionFactory factory;
    private final String name;
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
        try {
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
