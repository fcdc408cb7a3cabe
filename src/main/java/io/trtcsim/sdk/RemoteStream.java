package io.trtcsim.sdk;

import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.trtcsim.media.MediaClock;
import io.trtcsim.trtc.RemoteVideoStreamType;
import io.trtcsim.trtc.StreamType;

/**
 * TRTC's RemoteStream: announced by stream-added, given tracks by subscribe. The tracks belong to
 * the downlink peer connection and end with it.
 */
public final class RemoteStream extends Stream {

    private final String streamId;
    private final StreamType type;
    private volatile boolean hasSmall;
    private volatile RemoteVideoStreamType videoStreamType = RemoteVideoStreamType.BIG;
    private volatile boolean audio;
    private volatile boolean video;
    private volatile long subscribeStartedMicros = -1;

    RemoteStream(String streamId, String userId, StreamType type, boolean hasSmall, boolean audio, boolean video,
                 MediaClock clock, Rendering rendering) {
        super(userId, clock, rendering);
        this.streamId = streamId;
        this.type = type;
        this.hasSmall = hasSmall;
        this.audio = audio;
        this.video = video;
    }

    @Override
    public String getId() {
        return streamId;
    }

    /** 'main', or 'auxiliary' for a user's screen-sharing stream, as the stack announced it. */
    public String getType() {
        return type.wireName();
    }

    public StreamType streamType() {
        return type;
    }

    /** Whether its publisher sends a small stream beside the big one (dual stream). */
    public boolean hasSmall() {
        return hasSmall;
    }

    void hasSmall(boolean small) {
        hasSmall = small;
    }

    /** The video layer this client receives (or will, at its next subscribe): setRemoteVideoStreamType's choice. */
    public RemoteVideoStreamType videoStreamType() {
        return videoStreamType;
    }

    void videoStreamType(RemoteVideoStreamType type) {
        videoStreamType = type;
    }

    @Override
    public boolean hasAudio() {
        return audio;
    }

    @Override
    public boolean hasVideo() {
        return video;
    }

    /** Called from the downlink's onTrack, on libwebrtc's signaling thread, before media flows. */
    void attach(MediaStreamTrack track) {
        if (track instanceof VideoTrack v) {
            attachTrack(v);
        } else if (track instanceof AudioTrack a) {
            attachTrack(a);
        }
    }

    /** When the last subscribe() call for this stream began (media clock, µs), or -1. */
    public long subscribeStartedMicros() {
        return subscribeStartedMicros;
    }

    void subscribeStarted() {
        subscribeStartedMicros = clock().nowMicros();
    }

    /** stream-updated: the publisher added or removed a track. */
    void updateTracks(boolean withAudio, boolean withVideo) {
        audio = withAudio;
        video = withVideo;
    }

    public boolean isSubscribed() {
        return videoTrack().isPresent() || audioTrack().isPresent();
    }
}
