package io.trtcsim.sdk;

import dev.onvoid.webrtc.media.video.VideoTrack;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.MediaEngine;
import io.trtcsim.media.SyntheticVideoSource;

/**
 * The small stream of a dual stream: a second capture at the small profile, marked as the big one
 * is, and its track, sent as the uplink's second video track (what the stack takes as the small stream).
 */
final class SmallStreamCapture implements AutoCloseable {

    private final SyntheticVideoSource source;
    private final VideoTrack track;
    private final SmallStreamProfile profile;

    private SmallStreamCapture(SyntheticVideoSource source, VideoTrack track, SmallStreamProfile profile) {
        this.source = source;
        this.track = track;
        this.profile = profile;
    }

    /** Starts capturing for {@code userId}'s small stream; paused (muted) when the big one is. */
    static SmallStreamCapture start(String userId, SmallStreamProfile profile, MediaEngine media, MediaClock clock,
                                    boolean paused) {
        SyntheticVideoSource source = new SyntheticVideoSource(userId + "-small", profile.picture(), clock);
        VideoTrack track = media.createVideoTrack(trackId(userId), source.source());
        source.setPaused(paused);
        source.start();
        return new SmallStreamCapture(source, track, profile);
    }

    static String trackId(String userId) {
        return "video-small-" + userId;
    }

    VideoTrack track() {
        return track;
    }

    SmallStreamProfile profile() {
        return profile;
    }

    void setPaused(boolean paused) {
        source.setPaused(paused);
    }

    /** Capture stops first, then the track goes; it must be off every connection (the uplink closed) by then. */
    @Override
    public void close() {
        source.close();
        track.dispose();
    }
}
