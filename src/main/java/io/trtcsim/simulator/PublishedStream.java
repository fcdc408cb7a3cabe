package io.trtcsim.simulator;

import io.trtcsim.simulator.sfu.MediaPlane;
import io.trtcsim.simulator.sfu.SdpException;
import io.trtcsim.simulator.sfu.SdpMediaType;
import io.trtcsim.simulator.sfu.StreamForwarder;
import io.trtcsim.simulator.sfu.netem.ParticipantId;
import io.trtcsim.simulator.sfu.VideoLayer;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.RemoteVideoStreamType;
import io.trtcsim.trtc.StreamType;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A published stream as the room sees it: whose it is, which tracks it has and which are muted;
 * its media is forwarded packet by packet by the media plane's {@link StreamForwarder} (the
 * publisher's uplink ends there, every subscriber gets a downlink of its own).
 */
final class PublishedStream implements AutoCloseable {

    private final String streamId;
    private final String userId;
    private final StreamType type;
    private final boolean withSmallStream;
    private final StreamForwarder forwarder;
    private volatile boolean audio;
    private volatile boolean video;
    private volatile boolean audioMuted;
    private volatile boolean videoMuted;

    PublishedStream(MediaPlane plane, long sdkAppId, String streamId, String userId, StreamType type, boolean audio,
                    boolean video) {
        this(plane, sdkAppId, streamId, userId, type, audio, video, false);
    }

    /** {@code withSmallStream}: the publisher sends a small stream too (its offer's second video section). */
    PublishedStream(MediaPlane plane, long sdkAppId, String streamId, String userId, StreamType type, boolean audio,
                    boolean video, boolean withSmallStream) {
        this.streamId = streamId;
        this.userId = userId;
        this.type = type;
        this.withSmallStream = withSmallStream;
        this.audio = audio;
        this.video = video;
        // The publisher's network conditions apply to its uplink, its subscribers' to their downlinks.
        this.forwarder = plane.forwarder(streamId, new ParticipantId(sdkAppId, userId));
    }

    String streamId() {
        return streamId;
    }

    String userId() {
        return userId;
    }

    /** The user's main stream, or its auxiliary (screen-sharing) one. */
    StreamType type() {
        return type;
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
    boolean mute(MediaKind kind, boolean muted) {
        boolean ofAudio = kind == MediaKind.AUDIO;
        boolean changed = ofAudio ? audioMuted != muted : videoMuted != muted;
        if (ofAudio) {
            audioMuted = muted;
        } else {
            videoMuted = muted;
        }
        return changed;
    }

    private static Set<SdpMediaType> kinds(boolean withAudio, boolean withVideo) {
        Set<SdpMediaType> kinds = EnumSet.noneOf(SdpMediaType.class);
        if (withAudio) {
            kinds.add(SdpMediaType.AUDIO);
        }
        if (withVideo) {
            kinds.add(SdpMediaType.VIDEO);
        }
        return kinds;
    }

    /** Answers the publisher's offer; a description the plane cannot serve is INVALID_PARAMETER. */
    CompletableFuture<String> acceptUplinkOffer(String offerSdp) {
        return answer(offerSdp, audio, video);
    }

    private CompletableFuture<String> answer(String offerSdp, boolean withAudio, boolean withVideo) {
        try {
            return CompletableFuture.completedFuture(forwarder.acceptUplinkOffer(offerSdp, kinds(withAudio, withVideo),
                    withSmallStream));
        } catch (SdpException e) {
            return CompletableFuture.failedFuture(SignalingException.invalidParameter("sdp: " + e.getMessage()));
        }
    }

    /** The current uplink's connection (after an update, the new one's). */
    CompletableFuture<Void> uplinkConnected() {
        return forwarder.uplinkConnected();
    }

    /** Once a connected uplink is lost (its peer went away without a word), with the reason. */
    void onUplinkLost(Consumer<String> listener) {
        forwarder.onUplinkLost(listener);
    }

    /** Opens a downlink for a subscriber (replacing an earlier one) and returns its offer. */
    CompletableFuture<String> openDownlink(String subscriberId) {
        return openDownlink(subscriberId, RemoteVideoStreamType.BIG);
    }

    /** A downlink with the chosen video layer; the small one of a stream without it is INVALID_OPERATION. */
    CompletableFuture<String> openDownlink(String subscriberId, RemoteVideoStreamType layer) {
        if (layer == RemoteVideoStreamType.SMALL && !forwarder.hasSmallStream()) {
            throw SignalingException.invalidOperation(streamId + " has no small stream (its publisher did not enable one)");
        }
        return CompletableFuture.completedFuture(forwarder.openDownlink(subscriberId,
                layer == RemoteVideoStreamType.SMALL ? VideoLayer.SMALL : VideoLayer.BIG));
    }

    /** getRemoteMutedState's hasSmall: the publisher sends a small stream beside the big one. */
    boolean hasSmall() {
        return forwarder.hasSmallStream();
    }

    CompletableFuture<Void> acceptDownlinkAnswer(String subscriberId, String answerSdp) {
        try {
            return forwarder.acceptDownlinkAnswer(subscriberId, answerSdp);
        } catch (SdpException e) {
            return CompletableFuture.failedFuture(SignalingException.invalidParameter("sdp: " + e.getMessage()));
        }
    }

    void closeDownlink(String subscriberId) {
        forwarder.closeDownlink(subscriberId);
    }

    int downlinkCount() {
        return forwarder.downlinkCount();
    }

    /**
     * The publisher added or removed a track: a new uplink replaces the old one, so the stream
     * keeps its id. Subscribers learn of it by stream-updated and subscribe again for the new set.
     */
    CompletableFuture<String> replaceUplink(String offerSdp, boolean withAudio, boolean withVideo) {
        CompletableFuture<String> answer = answer(offerSdp, withAudio, withVideo);
        if (!answer.isCompletedExceptionally()) {
            audio = withAudio;
            video = withVideo;
        }
        return answer;
    }

    @Override
    public void close() {
        forwarder.close();
    }
}
