package io.trtcsim.sdk;

import static io.trtcsim.sdk.SignalingFutures.asRtcError;
import static io.trtcsim.sdk.SignalingFutures.failed;
import static io.trtcsim.sdk.SignalingFutures.within;

import io.trtcsim.media.MediaEngine;
import io.trtcsim.media.PeerLink;
import io.trtcsim.sdk.signaling.Readmission;
import io.trtcsim.sdk.signaling.RoomEvent;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.RemoteVideoStreamType;
import io.trtcsim.trtc.RtcError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client receives: the remote streams of its room, the downlink of each one it subscribed
 * to, what each remote user muted, the subscribe choices to keep across a stream-updated, and every
 * stream it was ever told of. Room events arrive on the signaling channel's thread and tracks on
 * libwebrtc's, so everything here is a concurrent collection.
 */
final class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    /** A subscription's connection and whose stream it carries (the stream id if that stream is gone). */
    record Downlink(String owner, PeerLink link, boolean carriesAudio) {
    }

    private final ClientConfig config;
    private final Supplier<MediaEngine> engine;
    private final Rendering rendering;
    private final SdkOptions options;
    private final EventDelivery events;
    private final Supplier<SignalingChannel> session;
    private final Map<String, RemoteStream> remoteStreams = new ConcurrentHashMap<>();
    private final Map<String, PeerLink> downlinks = new ConcurrentHashMap<>();
    private final Map<String, RemoteMutedState> remoteMuted = new ConcurrentHashMap<>();
    private final Map<String, SubscribeOptions> subscribeChoices = new ConcurrentHashMap<>();
    private final List<RemoteStream> history = new CopyOnWriteArrayList<>();
    /** While a rejoin is reconciled: the streams known before it and not announced again yet. */
    private final Set<String> unconfirmed = ConcurrentHashMap.newKeySet();
    private volatile Readmission readmission = Readmission.RESUMED;

    /** @param session the client's signaling channel now, or null when it has none */
    Subscriptions(ClientConfig config, Supplier<MediaEngine> engine, Rendering rendering, SdkOptions options,
                  EventDelivery events, Supplier<SignalingChannel> session) {
        this.config = config;
        this.engine = engine;
        this.rendering = rendering;
        this.options = options;
        this.events = events;
        this.session = session;
    }

    CompletableFuture<Void> subscribe(RemoteStream stream, SubscribeOptions choice) {
        if (!choice.audio() && !choice.video()) {
            return failed(ErrorCode.INVALID_PARAMETER, "subscribing to " + stream.getId() + " with neither audio nor video");
        }
        subscribeChoices.put(stream.getId(), choice);
        return subscribe(stream, true);
    }

    /** @param announce whether success is stream-subscribed (a re-subscription after stream-updated is silent) */
    private CompletableFuture<Void> subscribe(RemoteStream stream, boolean announce) {
        SubscribeOptions choice = subscribeChoices.getOrDefault(stream.getId(), SubscribeOptions.BOTH);
        SignalingChannel channel = session.get();
        if (channel == null) {
            return failed(ErrorCode.INVALID_OPERATION, config.userId() + " must join a room before subscribing");
        }
        if (remoteStreams.get(stream.getId()) != stream) {
            return failed(ErrorCode.REMOTE_STREAM_NOT_EXIST, "stream " + stream.getId() + " is not in the room of " + config.userId());
        }
        MediaEngine media;
        try {
            media = engine.get();
        } catch (RtcError e) {
            // A TRTC made without media, or closed: refused before anything changes.
            return CompletableFuture.failedFuture(e);
        }
        closeDownlink(stream.getId());
        stream.subscribeStarted();
        PeerLink link = media.createPeerLink(config.userId() + " downlink " + stream.getId());
        link.onTrack(transceiver -> stream.attach(transceiver.getReceiver().getTrack()));
        downlinks.put(stream.getId(), link);
        CompletableFuture<Void> negotiated = channel.subscribe(stream.getId(), stream.videoStreamType())
                .thenCompose(offer -> link.acceptOffer(offer, choice.refusedKinds()))
                .thenCompose(answer -> channel.completeSubscription(stream.getId(), answer))
                .thenCompose(ignored -> link.connected());
        // TRTC documents SUBSCRIPTION_TIMEOUT for a subscription that does not come up in time.
        return within(negotiated, options.mediaTimeout(), "subscribe to " + stream.getId() + " (downlink connected)",
                ErrorCode.SUBSCRIPTION_TIMEOUT)
                .whenComplete((ok, failure) -> {
                    if (failure == null && announce) {
                        events.emit(ClientEvent.STREAM_SUBSCRIBED, stream.getUserId(), stream, EventPayload.NONE);
                    } else if (failure == null) {
                        stream.resumePlayback();
                    } else {
                        closeDownlink(stream.getId());
                    }
                })
                .exceptionally(failure -> {
                    throw asRtcError(failure, ErrorCode.ICE_TRANSPORT_ERROR, "subscribe failed");
                });
    }

    /**
     * setRemoteVideoStreamType: which video layer of the stream this client receives. A stream
     * subscribed now is subscribed again with that layer (a new downlink; the stream plays on); a
     * stream not subscribed gets it at its next subscribe. 'small' of a stream without a small
     * stream is INVALID_OPERATION naming the stream.
     */
    CompletableFuture<Void> setRemoteVideoStreamType(RemoteStream stream, RemoteVideoStreamType type) {
        if (remoteStreams.get(stream.getId()) != stream) {
            return failed(ErrorCode.REMOTE_STREAM_NOT_EXIST, "stream " + stream.getId() + " is not in the room of " + config.userId());
        }
        if (type == RemoteVideoStreamType.SMALL && !stream.hasSmall()) {
            return failed(ErrorCode.INVALID_OPERATION, "stream " + stream.getId() + " of " + stream.getUserId()
                    + " has no small stream to switch to (its publisher did not enable one)");
        }
        if (stream.videoStreamType() == type) {
            return CompletableFuture.completedFuture(null);
        }
        stream.videoStreamType(type);
        if (!downlinks.containsKey(stream.getId())) {
            return CompletableFuture.completedFuture(null);
        }
        return subscribe(stream, false);
    }

    CompletableFuture<Void> unsubscribe(RemoteStream stream) {
        SignalingChannel channel = session.get();
        if (channel == null || !downlinks.containsKey(stream.getId())) {
            return failed(ErrorCode.INVALID_OPERATION, config.userId() + " is not subscribed to " + stream.getId());
        }
        return within(channel.unsubscribe(stream.getId()), options.signalingTimeout(), "unsubscribe")
                .whenComplete((ok, failure) -> closeDownlink(stream.getId()));
    }

    /**
     * What a room event does to the subscriptions, and its delivery to the app. False for events
     * that are not about streams or mutes, which are the caller's.
     */
    boolean handle(RoomEvent event) {
        ClientEvent type = event.type();
        switch (type) {
            case STREAM_ADDED -> streamAdded(event);
            case STREAM_REMOVED -> {
                // TRTC unsubscribes by itself when a stream goes away.
                RemoteStream stream = remoteStreams.get(event.streamId());
                closeDownlink(event.streamId());
                remoteStreams.remove(event.streamId());
                subscribeChoices.remove(event.streamId());
                remoteMuted.remove(event.userId());
                events.emit(type, event.userId(), stream, EventPayload.NONE);
            }
            case STREAM_UPDATED -> streamUpdated(event);
            case MUTE_AUDIO, UNMUTE_AUDIO -> {
                remoteMuted.computeIfPresent(event.userId(), (id, state) -> state.withAudioMuted(type == ClientEvent.MUTE_AUDIO));
                events.emit(type, event.userId(), null, EventPayload.NONE);
            }
            case MUTE_VIDEO, UNMUTE_VIDEO -> {
                remoteMuted.computeIfPresent(event.userId(), (id, state) -> state.withVideoMuted(type == ClientEvent.MUTE_VIDEO));
                events.emit(type, event.userId(), null, EventPayload.NONE);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void streamAdded(RoomEvent event) {
        RemoteStream known = remoteStreams.get(event.streamId());
        if (known != null && unconfirmed.remove(event.streamId())) {
            stillThere(known, event);
            return;
        }
        RemoteStream stream = new RemoteStream(event.streamId(), event.userId(), event.streamType(), event.hasSmall(),
                event.carries(MediaKind.AUDIO),
                event.carries(MediaKind.VIDEO), options.clock(), rendering);
        remoteStreams.put(stream.getId(), stream);
        history.add(stream);
        remoteMuted.put(event.userId(), mutedState(event));
        events.emit(event.type(), event.userId(), stream, EventPayload.NONE);
        if (config.autoSubscribe()) {
            subscribe(stream, SubscribeOptions.BOTH).whenComplete((ok, failure) -> warnIfFailed(failure,
                    "subscribing by itself to " + stream.getId()));
        }
    }

    private void streamUpdated(RoomEvent event) {
        RemoteStream stream = remoteStreams.get(event.streamId());
        if (stream != null) {
            stream.updateTracks(event.carries(MediaKind.AUDIO), event.carries(MediaKind.VIDEO));
            stream.hasSmall(event.hasSmall());
            remoteMuted.put(event.userId(), mutedState(event));
            // A subscription carries the tracks it was made with: subscribe again for the new set.
            if (downlinks.containsKey(stream.getId())) {
                closeDownlink(stream.getId());
                subscribe(stream, false).whenComplete((ok, failure) -> warnIfFailed(failure,
                        "re-subscribing to updated " + stream.getId()));
            }
        }
        events.emit(event.type(), event.userId(), stream, EventPayload.NONE);
    }

    /**
     * A rejoin begins: every stream known now must be announced again to stay. How the client was
     * taken back decides what happens to the downlinks of the streams that are still there.
     */
    void beginReconciliation(Readmission how) {
        readmission = how;
        unconfirmed.clear();
        unconfirmed.addAll(remoteStreams.keySet());
    }

    /**
     * The rejoin announced a stream the app knows: no event. Its downlink stays if the membership was
     * resumed and the connection still works; otherwise (admitted afresh: the stack dropped it) a new
     * downlink replaces it, for the same RemoteStream, whose playback carries on into the same sinks.
     */
    private void stillThere(RemoteStream stream, RoomEvent event) {
        stream.updateTracks(event.carries(MediaKind.AUDIO), event.carries(MediaKind.VIDEO));
        remoteMuted.put(event.userId(), mutedState(event));
        PeerLink link = downlinks.get(stream.getId());
        if (link == null || (readmission == Readmission.RESUMED && !PeerLinks.isBroken(link))) {
            return;
        }
        subscribe(stream, false).whenComplete((ok, failure) -> {
            if (failure != null) {
                events.emit(ClientEvent.ERROR, config.userId(), stream, new ErrorNotice(new RtcError(
                        ErrorCode.DOWNLINK_RECONNECTION_FAILED, "restoring the downlink of " + stream.getId()
                        + " failed: " + failure.getMessage(), failure)));
            }
        });
    }

    /** Every announcement of the rejoin arrived: the streams not announced again were removed meanwhile. */
    void endReconciliation() {
        for (String streamId : List.copyOf(unconfirmed)) {
            RemoteStream gone = remoteStreams.get(streamId);
            if (gone != null) {
                handle(RoomEvent.ofStream(ClientEvent.STREAM_REMOVED, gone.getUserId(), streamId, gone.tracks()));
            }
        }
        unconfirmed.clear();
    }

    private void warnIfFailed(Throwable failure, String what) {
        if (failure != null) {
            log.warn("{}: {} failed: {}", config.userId(), what, failure.getMessage());
        }
    }

    private static RemoteMutedState mutedState(RoomEvent event) {
        return new RemoteMutedState(event.userId(), event.carries(MediaKind.AUDIO), event.carries(MediaKind.VIDEO),
                event.isMuted(MediaKind.AUDIO), event.isMuted(MediaKind.VIDEO), event.hasSmall());
    }

    /**
     * The stream's taps come off its tracks while the connection still owns them: closing the
     * connection frees the remote tracks, and touching one afterwards crashed the JVM (SIGSEGV in
     * AudioTrack.removeSinkInternal, seen once in CI).
     */
    private void closeDownlink(String streamId) {
        PeerLink link = downlinks.remove(streamId);
        if (link != null) {
            RemoteStream stream = remoteStreams.get(streamId);
            if (stream != null) {
                stream.releaseTracks();
            }
            link.close();
        }
    }

    /** Leaving the room: every downlink closes and the room's streams are forgotten (not their history). */
    void closeAll() {
        unconfirmed.clear();
        downlinks.keySet().forEach(this::closeDownlink);
        remoteStreams.clear();
        subscribeChoices.clear();
        remoteMuted.clear();
    }

    List<Downlink> downlinks() {
        List<Downlink> all = new ArrayList<>();
        downlinks.forEach((streamId, link) -> {
            RemoteStream stream = remoteStreams.get(streamId);
            all.add(new Downlink(stream == null ? streamId : stream.getUserId(), link, stream != null && stream.hasAudio()));
        });
        return all;
    }

    /** Every downlink open now, negotiating ones included. */
    List<PeerLink> links() {
        return List.copyOf(downlinks.values());
    }

    /** The downlink of the stream {@code userId} publishes, once subscribed. */
    Optional<PeerLink> downlinkOf(String userId) {
        return remoteStreams.values().stream()
                .filter(stream -> stream.getUserId().equals(userId))
                .map(stream -> downlinks.get(stream.getId()))
                .filter(Objects::nonNull)
                .findFirst();
    }

    List<RemoteStream> remoteStreams() {
        return List.copyOf(remoteStreams.values());
    }

    List<RemoteStream> history() {
        return List.copyOf(history);
    }

    List<RemoteMutedState> mutedStates() {
        return List.copyOf(remoteMuted.values());
    }
}
