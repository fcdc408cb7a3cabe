package io.trtcsim.sdk;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.trtcsim.media.AudioRenderSink;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.VideoRenderSink;
import java.util.Optional;

/**
 * What TRTC's Stream shares between local and remote streams: its id, its user, its tracks and
 * play(elementId), which here attaches sinks that count and measure what would be rendered.
 */
public abstract class Stream {

    private final String userId;
    private final MediaClock clock;
    private volatile Playback playback;

    Stream(String userId, MediaClock clock) {
        this.userId = userId;
        this.clock = clock;
    }

    public abstract String getId();

    public String getUserId() {
        return userId;
    }

    public abstract boolean hasAudio();

    public abstract boolean hasVideo();

    abstract Optional<VideoTrack> videoTrack();

    abstract Optional<AudioTrack> audioTrack();

    /** Renders the stream "into" an element: from now on its frames and audio are counted there. */
    public synchronized void play(String elementId) {
        if (elementId == null || elementId.isBlank()) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "play needs an element id");
        }
        if (videoTrack().isEmpty() && audioTrack().isEmpty()) {
            throw new RtcError(ErrorCode.INVALID_OPERATION, "stream " + getId() + " has no tracks to play yet"
                    + (this instanceof RemoteStream ? " (subscribe first)" : " (initialize first)"));
        }
        stop();
        Optional<VideoRenderSink> video = videoTrack().map(track -> {
            VideoRenderSink sink = new VideoRenderSink(elementId, clock);
            track.addSink(sink);
            return sink;
        });
        Optional<AudioRenderSink> audio = audioTrack().map(track -> {
            AudioRenderSink sink = new AudioRenderSink(clock);
            track.addSink(sink);
            return sink;
        });
        playback = new Playback(elementId, video, audio);
    }

    /** Stops rendering; the sinks keep what they counted. */
    public synchronized void stop() {
        Playback current = playback;
        if (current == null) {
            return;
        }
        current.video().ifPresent(sink -> videoTrack().ifPresent(track -> track.removeSink(sink)));
        current.audio().ifPresent(sink -> audioTrack().ifPresent(track -> track.removeSink(sink)));
    }

    /** The current or last playback, if play was called. */
    public Optional<Playback> playback() {
        return Optional.ofNullable(playback);
    }

    MediaClock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + getId() + "]";
    }
}
