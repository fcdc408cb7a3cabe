package io.trtcsim.media;

import dev.onvoid.webrtc.media.audio.AudioTrackSource;

/**
 * Capture from a microphone of the machine: the source of what a recording engine
 * ({@link MediaEngine#recordingFrom}) records. libwebrtc starts recording when the first audio send
 * stream starts, so {@link #start} has nothing to do; a pause mutes the microphone itself.
 */
public final class MicrophoneCapture implements AudioCapture {

    private final MediaEngine engine;
    private final AudioTrackSource source;

    public MicrophoneCapture(MediaEngine engine) {
        this.engine = engine;
        this.source = engine.createMicrophoneSource();
    }

    @Override
    public void start() {
        // Recording starts with the send stream that carries it.
    }

    @Override
    public AudioTrackSource source() {
        return source;
    }

    @Override
    public void setPaused(boolean paused) {
        engine.setMicrophoneMuted(paused);
    }

    @Override
    public void close() {
        // The source belongs to the track made from it; the engine stops recording when it closes.
    }
}
