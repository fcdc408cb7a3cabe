package io.trtcsim.simulator;

import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import io.trtcsim.media.MediaEngine;
import io.trtcsim.media.PeerLink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A published stream as TRTC relays it: the publisher's uplink ends here, and every subscriber
 * gets its own downlink. libwebrtc offers no packet forwarding, so decoded frames and audio are
 * pushed into per-stream custom sources that every downlink's tracks read (and re-encode).
 */
final class RelayedStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RelayedStream.class);

    private final String streamId;
    private final String userId;
    private final boolean audio;
    private final boolean video;
    private final MediaEngine engine;
    private final PeerLink uplink;
    private final CustomVideoSource videoRelay = new CustomVideoSource();
    private final CustomAudioSource audioRelay = new CustomAudioSource();
    private final VideoTrackSink videoForwarder = this::forwardVideo;
    private final AudioTrackSink audioForwarder = this::forwardAudio;
    private final List<MediaStreamTrack> uplinkTracks = new CopyOnWriteArrayList<>();
    private final Map<String, Downlink> downlinks = new ConcurrentHashMap<>();
    private volatile boolean closed;

    RelayedStream(MediaEngine engine, String streamId, String userId, boolean audio, boolean video) {
        this.engine = engine;
        this.streamId = streamId;
        this.userId = userId;
        this.audio = audio;
        this.video = video;
        this.uplink = engine.createPeerLink("uplink " + streamId);
        uplink.onTrack(this::attachUplinkTrack);
    }

    String streamId() {
        return streamId;
    }

    String userId() {
        return userId;
    }

    boolean hasAudio() {
        return audio;
    }

    boolean hasVideo() {
        return video;
    }

    /** Answers the publisher's offer. */
    CompletableFuture<String> acceptUplinkOffer(String offerSdp) {
        return uplink.acceptOffer(offerSdp);
    }

    CompletableFuture<Void> uplinkConnected() {
        return uplink.connected();
    }

    /** Opens a downlink for a subscriber (replacing an earlier one) and returns its offer. */
    CompletableFuture<String> openDownlink(String subscriberId) {
        closeDownlink(subscriberId);
        Downlink downlink = new Downlink(engine.createPeerLink("downlink " + streamId + " to " + subscriberId));
        downlinks.put(subscriberId, downlink);
        if (video) {
            downlink.add(engine.createVideoTrack("video-" + streamId, videoRelay), "video-" + streamId);
        }
        if (audio) {
            downlink.add(engine.createAudioTrack("audio-" + streamId, audioRelay), "audio-" + streamId);
        }
        return downlink.link().createOffer();
    }

    CompletableFuture<Void> acceptDownlinkAnswer(String subscriberId, String answerSdp) {
        Downlink downlink = downlinks.get(subscriberId);
        if (downlink == null) {
            return CompletableFuture.failedFuture(SignalingException.invalidOperation(
                    subscriberId + " has no pending subscription to " + streamId));
        }
        return downlink.link().acceptAnswer(answerSdp);
    }

    void closeDownlink(String subscriberId) {
        Downlink downlink = downlinks.remove(subscriberId);
        if (downlink != null) {
            downlink.close();
        }
    }

    int downlinkCount() {
        return downlinks.size();
    }

    private void attachUplinkTrack(RTCRtpTransceiver transceiver) {
        MediaStreamTrack track = transceiver.getReceiver().getTrack();
        if (track instanceof VideoTrack videoTrack) {
            videoTrack.addSink(videoForwarder);
        } else if (track instanceof AudioTrack audioTrack) {
            audioTrack.addSink(audioForwarder);
        }
        uplinkTracks.add(track);
    }

    private void forwardVideo(VideoFrame frame) {
        try {
            if (!closed) {
                videoRelay.pushFrame(frame);
            }
        } finally {
            frame.release();
        }
    }

    private void forwardAudio(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        if (!closed) {
            audioRelay.pushAudio(data, bitsPerSample, sampleRate, channels, frames);
        }
    }

    /** Detaches the forwarders first so no callback reaches a disposed relay source. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (MediaStreamTrack track : uplinkTracks) {
            try {
                if (track instanceof VideoTrack videoTrack) {
                    videoTrack.removeSink(videoForwarder);
                } else if (track instanceof AudioTrack audioTrack) {
                    audioTrack.removeSink(audioForwarder);
                }
            } catch (RuntimeException e) {
                log.debug("{}: could not detach a forwarder", streamId, e);
            }
        }
        downlinks.keySet().forEach(this::closeDownlink);
        uplink.close();
        videoRelay.dispose();
        audioRelay.dispose();
    }

    /** One subscriber's peer connection and the tracks it sends. */
    private static final class Downlink implements AutoCloseable {
        private final PeerLink link;
        private final List<MediaStreamTrack> tracks = new CopyOnWriteArrayList<>();

        Downlink(PeerLink link) {
            this.link = link;
        }

        PeerLink link() {
            return link;
        }

        void add(MediaStreamTrack track, String mediaStreamId) {
            tracks.add(track);
            link.addTrack(track, mediaStreamId);
        }

        @Override
        public void close() {
            link.close();
            tracks.forEach(MediaStreamTrack::dispose);
            tracks.clear();
        }
    }
}
