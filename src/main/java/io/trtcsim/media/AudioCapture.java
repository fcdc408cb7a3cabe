package io.trtcsim.media;

import dev.onvoid.webrtc.media.audio.AudioTrackSource;

/** A running audio input of a local stream: a synthetic tone or a file. */
public interface AudioCapture extends AutoCloseable {

    void start();

    AudioTrackSource source();

    /** A paused capture sends silence (muteAudio). */
    void setPaused(boolean paused);

    @Override
    void close();
}
