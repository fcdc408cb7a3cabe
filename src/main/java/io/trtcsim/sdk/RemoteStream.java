package io.trtcsim.sdk;

import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.trtcsim.media.MediaClock;
import java.util.Optional;

/**
 * TRTC's RemoteStream: announced by stream-added, given tracks by subscribe. The tracks belong to
 * the downlink peer connection and end with it.
 */
public final class RemoteStream extends Stream {

    private final String streamId;
    private final boolean audio;
    private final boolean video;
    private volatile VideoTrack videoTrack;
    private volatile AudioTrack audioTrack;

    RemoteStream(String streamId, String userId, boolean audio, boolean video, MediaClock clock) {
        super(userId, clock);
        this.streamId = streamId;
        this.audio = audio;
        this.video = video;
    }

    @Override
    public String getId() {
        return streamId;
    }

    /** TRTC distinguishes 'main' and 'auxiliary' (screen share); the simulator relays main streams. */
    public String getType() {
        return "main";
    }

    @Override
    public boolean hasAudio() {
        return audio;
    }

    @Override
    public boolean hasVideo() {
        return video;
    }

    void attach(MediaStreamTrack track) {
        if (track instanceof VideoTrack v) {
            videoTrack = v;
        } else if (track instanceof AudioTrack a) {
            audioTrack = a;
        }
    }

    /** Stops playing and forgets the tracks, before their connection closes. */
    void detach() {
        stop();
        videoTrack = null;
        audioTrack = null;
    }

    public boolean isSubscribed() {
        return videoTrack != null || audioTrack != null;
    }

    @Override
    Optional<VideoTrack> videoTrack() {
        return Optional.ofNullable(videoTrack);
    }

    @Override
    Optional<AudioTrack> audioTrack() {
        return Optional.ofNullable(audioTrack);
    }
}
