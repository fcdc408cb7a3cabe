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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
    private volatile boolean audio;
    private volatile boolean video;
    private final MediaEngine engine;
    private final java.time.Duration mediaTimeout;
    private final NetworkConditions conditions;
    private final java.util.concurrent.ScheduledExecutorService delayLine;
    private final java.util.concurrent.ConcurrentLinkedQueue<VideoFrame> delayedFrames = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile PeerLink uplink;
    private final CustomVideoSource videoRelay = new CustomVideoSource();
    private final CustomAudioSource audioRelay = new CustomAudioSource();
    private final VideoTrackSink videoForwarder = this::forwardVideo;
    private final AudioTrackSink audioForwarder = this::forwardAudio;
    private final ThreadPoolExecutor audioPump;
    private final List<UplinkTrack> uplinkTracks = new CopyOnWriteArrayList<>();
    private final Map<String, Downlink> downlinks = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile boolean audioMuted;
    private volatile boolean videoMuted;

    RelayedStream(MediaEngine engine, String streamId, String userId, boolean audio, boolean video,
                  java.time.Duration mediaTimeout, NetworkConditions conditions) {
        this.mediaTimeout = mediaTimeout;
        this.conditions = conditions;
        this.delayLine = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "relay-delay-" + streamId);
            thread.setDaemon(true);
            return thread;
        });
        this.engine = engine;
        this.streamId = streamId;
        this.userId = userId;
        this.audio = audio;
        this.video = video;
        this.uplink = engine.createPeerLink("uplink " + streamId);
        uplink.onTrack(transceiver -> attachUplinkTrack(transceiver, uplink));
        this.audioPump = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(50), r -> {
            Thread thread = new Thread(r, "relay-audio-" + streamId);
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
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

    boolean audioMuted() {
        return audioMuted;
    }

    boolean videoMuted() {
        return videoMuted;
    }

    /** Records a publisher's mute; false when it changes nothing. */
    boolean mute(boolean ofAudio, boolean muted) {
        boolean changed = ofAudio ? audioMuted != muted : videoMuted != muted;
        if (ofAudio) {
            audioMuted = muted;
        } else {
            videoMuted = muted;
        }
        return changed;
    }

    /** Answers the publisher's offer. */
    CompletableFuture<String> acceptUplinkOffer(String offerSdp) {
        return uplink.acceptOffer(offerSdp);
    }

    /** The current uplink's connection (after an update, the new one's). */
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
        return downlink.link().acceptAnswerAndConnect(answerSdp, audio && AnswerDirections.receives(answerSdp, "audio"),
                mediaTimeout);
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

    /**
     * The publisher added or removed a track: its new uplink replaces the old one, feeding the same
     * relay sources, so the stream keeps its id. Subscribers learn of it by stream-updated and
     * subscribe again to get the new set of tracks.
     */
    CompletableFuture<String> replaceUplink(String offerSdp, boolean withAudio, boolean withVideo) {
        PeerLink replacement = engine.createPeerLink("uplink " + streamId + " (updated)");
        replacement.onTrack(transceiver -> attachUplinkTrack(transceiver, replacement));
        PeerLink previous;
        synchronized (this) {
            previous = uplink;
            uplink = replacement;
            audio = withAudio;
            video = withVideo;
        }
        detachUplink(previous);
        return replacement.acceptOffer(offerSdp);
    }

    /**
     * Takes the forwarders off an uplink's tracks, then closes it: closing frees the remote tracks,
     * and touching one afterwards can crash the JVM (a SIGSEGV in removeSinkInternal was seen).
     */
    private void detachUplink(PeerLink link) {
        for (UplinkTrack tapped : uplinkTracks) {
            if (tapped.link() != link) {
                continue;
            }
            try {
                if (tapped.track() instanceof VideoTrack videoTrack) {
                    videoTrack.removeSink(videoForwarder);
                } else if (tapped.track() instanceof AudioTrack audioTrack) {
                    audioTrack.removeSink(audioForwarder);
                }
            } catch (RuntimeException e) {
                log.debug("{}: could not detach a forwarder", streamId, e);
            }
            uplinkTracks.remove(tapped);
        }
        link.close();
    }

    private record UplinkTrack(PeerLink link, MediaStreamTrack track) {
    }

    private void attachUplinkTrack(RTCRtpTransceiver transceiver, PeerLink link) {
        MediaStreamTrack track = transceiver.getReceiver().getTrack();
        if (track instanceof VideoTrack videoTrack) {
            videoTrack.addSink(videoForwarder);
        } else if (track instanceof AudioTrack audioTrack) {
            audioTrack.addSink(audioForwarder);
        }
        uplinkTracks.add(new UplinkTrack(link, track));
    }

    private void forwardVideo(VideoFrame frame) {
        long delayMicros = conditions.videoDelayMicros();
        if (delayMicros <= 0 || closed) {
            pushAndRelease(frame);
            return;
        }
        delayedFrames.add(frame);
        try {
            // The frame stays referenced until the delay has passed, then is pushed, in order.
            delayLine.schedule(() -> {
                if (delayedFrames.remove(frame)) {
                    pushAndRelease(frame);
                }
            }, delayMicros, TimeUnit.MICROSECONDS);
        } catch (RejectedExecutionException e) {
            if (delayedFrames.remove(frame)) {
                frame.release();
            }
        }
    }

    private void pushAndRelease(VideoFrame frame) {
        try {
            if (!closed) {
                videoRelay.pushFrame(frame);
            }
        } finally {
            frame.release();
        }
    }

    /**
     * Hands the chunk to the relay's own pushing thread. The uplink's sink is called by the audio
     * device's thread and, now and then, by another libwebrtc thread; two threads pushing into one
     * source at once abort libwebrtc (audio_send_stream.cc race checker), so one thread pushes.
     */
    private void forwardAudio(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        if (closed) {
            return;
        }
        try {
            audioPump.execute(() -> {
                if (!closed) {
                    engine.pushAudio(audioRelay, data, bitsPerSample, sampleRate, channels, frames);
                }
            });
        } catch (RejectedExecutionException e) {
            // Closing, or more than the queue's half second behind: drop the chunk, as a network would.
        }
    }

    /** Downlinks first, then the uplink (forwarders off, connection closed), then the relay sources. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        downlinks.keySet().forEach(this::closeDownlink);
        detachUplink(uplink);
        uplinkTracks.clear();
        audioPump.shutdownNow();
        delayLine.shutdownNow();
        try {
            delayLine.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Frames still waiting in the delay line are released unpushed.
        for (VideoFrame frame = delayedFrames.poll(); frame != null; frame = delayedFrames.poll()) {
            frame.release();
        }
        try {
            audioPump.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
