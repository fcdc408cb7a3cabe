package io.trtcsim.sdk;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.trtcsim.media.AudioRenderSink;
import io.trtcsim.media.AudioTap;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.VideoRenderSink;
import io.trtcsim.media.VideoTap;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.RtcError;
import java.util.Optional;
import java.util.Set;

/**
 * What TRTC's Stream shares between local and remote streams: its id, its user, its tracks and
 * play(elementId), which here routes the tracks into sinks that count and measure what would be
 * rendered. Taps are attached to the native tracks once, when the tracks appear, and removed before
 * the tracks go away; play() and stop() only re-route them, so sinks never change during a call.
 */
public abstract class Stream {

    private final String userId;
    private final MediaClock clock;
    private final Rendering rendering;
    private final VideoTap videoTap = new VideoTap();
    private final AudioTap audioTap = new AudioTap();
    private volatile VideoTrack videoTrack;
    private volatile AudioTrack audioTrack;
    private volatile Playback playback;

    Stream(String userId, MediaClock clock, Rendering rendering) {
        this.userId = userId;
        this.clock = clock;
        this.rendering = rendering;
    }

    public abstract String getId();

    public String getUserId() {
        return userId;
    }

    public abstract boolean hasAudio();

    public abstract boolean hasVideo();

    /** The kinds of track the stream carries now. */
    public Set<MediaKind> tracks() {
        return MediaKind.of(hasAudio(), hasVideo());
    }

    /**
     * Renders the stream "into" an element: from now on its frames and audio are counted there.
     * Without rendering ({@link Rendering#NONE}) the playback has no sinks: nothing is counted here.
     */
    public synchronized void play(String elementId) {
        if (elementId == null || elementId.isBlank()) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "play needs an element id");
        }
        if (videoTrack == null && audioTrack == null) {
            throw new RtcError(ErrorCode.INVALID_OPERATION, "stream " + getId() + " has no tracks to play yet"
                    + (this instanceof RemoteStream ? " (subscribe first)" : " (initialize first)"));
        }
        Optional<VideoRenderSink> video = Optional.ofNullable(videoTrack).filter(t -> rendersFrames())
                .map(t -> new VideoRenderSink(elementId, clock));
        Optional<AudioRenderSink> audio = Optional.ofNullable(audioTrack).filter(t -> rendersFrames())
                .map(t -> new AudioRenderSink(clock));
        playback = new Playback(elementId, video, audio);
        videoTap.route(video.orElse(null));
        audioTap.route(audio.orElse(null));
    }

    /** Stops rendering; the sinks keep what they counted. */
    public synchronized void stop() {
        videoTap.route(null);
        audioTap.route(null);
    }

    /** The current or last playback, if play was called. */
    public Optional<Playback> playback() {
        return Optional.ofNullable(playback);
    }

    /** What this stream does with its media: see {@link Rendering}. */
    public Rendering rendering() {
        return rendering;
    }

    private boolean rendersFrames() {
        return rendering == Rendering.FRAMES;
    }

    /**
     * Taps a track as it appears, before media flows on it. Without rendering the track gets no
     * tap at all: an attached sink, even one that drops every frame, costs a native copy of each
     * frame and a call into Java.
     */
    synchronized void attachTrack(VideoTrack track) {
        videoTrack = track;
        if (rendersFrames()) {
            track.addSink(videoTap);
        }
    }

    synchronized void attachTrack(AudioTrack track) {
        audioTrack = track;
        if (rendersFrames()) {
            track.addSink(audioTap);
        }
    }

    /** Untaps and forgets the video track only (removeTrack); call once it carries no media. */
    synchronized void releaseVideoTrack() {
        videoTap.route(null);
        if (videoTrack != null && rendersFrames()) {
            videoTrack.removeSink(videoTap);
        }
        videoTrack = null;
    }

    /**
     * Routes the tracks into the sinks of the current playback again (after a re-subscription
     * gave the stream new tracks), adding a sink for a kind that was not there before.
     */
    synchronized void resumePlayback() {
        Playback current = playback;
        if (current == null) {
            return;
        }
        Optional<VideoRenderSink> video = current.video().isPresent() ? current.video()
                : Optional.ofNullable(videoTrack).filter(t -> rendersFrames())
                        .map(t -> new VideoRenderSink(current.elementId(), clock));
        Optional<AudioRenderSink> audio = current.audio().isPresent() ? current.audio()
                : Optional.ofNullable(audioTrack).filter(t -> rendersFrames()).map(t -> new AudioRenderSink(clock));
        playback = new Playback(current.elementId(), video, audio);
        videoTap.route(videoTrack == null ? null : video.orElse(null));
        audioTap.route(audioTrack == null ? null : audio.orElse(null));
    }

    /** Untaps and forgets the tracks; call while they still exist (before their connection closes). */
    synchronized void releaseTracks() {
        stop();
        if (videoTrack != null && rendersFrames()) {
            videoTrack.removeSink(videoTap);
        }
        if (audioTrack != null && rendersFrames()) {
            audioTrack.removeSink(audioTap);
        }
        videoTrack = null;
        audioTrack = null;
    }

    Optional<VideoTrack> videoTrack() {
        return Optional.ofNullable(videoTrack);
    }

    Optional<AudioTrack> audioTrack() {
        return Optional.ofNullable(audioTrack);
    }

    MediaClock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + getId() + "]";
    }
}
