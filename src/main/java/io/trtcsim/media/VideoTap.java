package io.trtcsim.media;

import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSink;

/**
 * A sink attached to a track once, before frames flow, that hands frames to whatever plays the
 * track now. libwebrtc aborts the whole JVM ("Check failed: !race_checker.RaceDetected()") when a
 * sink is added to a track from another thread while frames are delivered, so play() and stop()
 * swap the target here instead of touching the native track.
 */
public final class VideoTap implements VideoTrackSink {

    private volatile VideoTrackSink target;

    public void route(VideoTrackSink newTarget) {
        target = newTarget;
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        VideoTrackSink current = target;
        if (current == null) {
            frame.release();
        } else {
            current.onVideoFrame(frame);
        }
    }
}
