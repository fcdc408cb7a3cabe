package io.trtcsim.media;

import dev.onvoid.webrtc.media.video.VideoTrackSource;

/** A running video input of a local stream: synthetic, a file, or a camera. */
public interface VideoCapture extends AutoCloseable {

    void start();

    VideoTrackSource source();

    /** A paused capture sends nothing (muteVideo). */
    void setPaused(boolean paused);

    long framesCaptured();

    @Override
    void close();
}
