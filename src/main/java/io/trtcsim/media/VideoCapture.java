package io.trtcsim.media;

import dev.onvoid.webrtc.media.video.VideoTrackSource;

/** A running video input of a local stream: synthetic, a file, or a camera. */
public interface VideoCapture extends AutoCloseable {

    void start();

    VideoTrackSource source();

    /** A paused capture sends nothing (muteVideo). */
    void setPaused(boolean paused);

    long framesCaptured();

    /**
     * Captures at another size and rate from now on (setVideoProfile during a call); the encoder
     * follows the new frame size by itself.
     *
     * @throws UnsupportedOperationException when this input has a size of its own (a file, a camera)
     */
    default void reconfigure(VideoProfile profile) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps the size and rate of its input");
    }

    @Override
    void close();
}
