package io.trtcsim.sdk;

import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RtcError;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ConnectionState;
import io.trtcsim.media.MediaEngine;
import io.trtcsim.media.PeerLink;
import io.trtcsim.media.StatsSample;
import io.trtcsim.media.StatsSampler;
import io.trtcsim.sdk.signaling.JoinRequest;
import io.trtcsim.sdk.signaling.RoomEvent;
import io.trtcsim.sdk.signaling.RoomEventListener;
import io.trtcsim.sdk.signaling.Signaling;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TRTC's Client: joins a room, publishes a LocalStream, subscribes to RemoteStreams and delivers
 * the documented events to handlers registered with {@link #on}. Every delivered event is also
 * written to the client's {@link EventJournal}. Handlers run on one event thread, in order.
 */
public final class Client implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Client.class);
    private static final java.util.Set<ErrorCode> KEPT_JOIN_ERRORS = java.util.EnumSet.of(ErrorCode.INVALID_PARAMETER,
            ErrorCode.JOIN_ROOM_FAILED, ErrorCode.SIGNAL_CAHNNEL_SETUP_FAILED, ErrorCode.SIGNAL_CHANNEL_ERROR,
            ErrorCode.SERVER_TIMEOUT);

    private final ClientConfig config;
    private final Signaling signaling;
    private final SdkOptions options;
    private final Supplier<MediaEngine> engine;
    private final EventJournal journal;
    private final ExecutorService events;
    private final Map<ClientEvent, List<Consumer<TrtcEvent>>> handlers = new ConcurrentHashMap<>();
    private final Map<String, RemoteStream> remoteStreams = new ConcurrentHashMap<>();
    private final Map<String, PeerLink> downlinks = new ConcurrentHashMap<>();
    private final Map<String, RemoteMutedState> remoteMuted = new ConcurrentHashMap<>();
    private final Map<String, SubscribeOptions> subscribeChoices = new ConcurrentHashMap<>();
    private final List<RemoteStream> streamHistory = new CopyOnWriteArrayList<>();
    private volatile SignalingChannel session;
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile Long roomId;
    private volatile PeerLink uplink;
    private volatile LocalStream published;
    private volatile String publishedStreamId;
    private volatile boolean destroyed;
    private volatile StatsSampler sampler;
    private volatile long publishStartedMicros = -1;
    private volatile AudioVolumeEvaluation volumeEvaluation;
    private volatile Thread eventThread;
    private volatile NetworkQualityMonitor qualityMonitor;
    private ScheduledExecutorService timer;

    Client(ClientConfig config, Signaling signaling, SdkOptions options, Supplier<MediaEngine> engine) {
        this.config = config;
        this.signaling = signaling;
        this.options = options;
        this.engine = engine;
        this.journal = new EventJournal(options.originNanos());
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "client-events-" + config.userId());
            thread.setDaemon(true);
            eventThread = thread;
            return thread;
        });
    }

    public String getUserId() {
        return config.userId();
    }

    public ClientConfig config() {
        return config;
    }

    public EventJournal journal() {
        return journal;
    }

    public ConnectionState connectionState() {
        return state;
    }

    public Optional<Long> roomId() {
        return Optional.ofNullable(roomId);
    }

    /** Registers a handler for a documented event name; an undocumented name is INVALID_PARAMETER. */
    public void on(String eventName, Consumer<TrtcEvent> handler) {
        handlers.computeIfAbsent(ClientEvent.named(eventName), e -> new CopyOnWriteArrayList<>()).add(handler);
    }

    public void off(String eventName, Consumer<TrtcEvent> handler) {
        List<Consumer<TrtcEvent>> registered = handlers.get(ClientEvent.named(eventName));
        if (registered != null) {
            registered.remove(handler);
        }
    }

    public CompletableFuture<Void> join(JoinOptions options) {
        if (destroyed) {
            return failed(ErrorCode.INVALID_OPERATION, "client of " + getUserId() + " was destroyed");
        }
        if (session != null) {
            return failed(ErrorCode.INVALID_OPERATION, getUserId() + " is already in room " + roomId);
        }
        if (options.roomId() < 1 || options.roomId() > 4_294_967_294L) {
            return failed(ErrorCode.INVALID_PARAMETER, "roomId " + options.roomId() + " is outside [1, 4294967294]");
        }
        SignalingChannel opened = signaling.open(new Listener());
        session = opened;
        changeState(ConnectionState.CONNECTING);
        JoinRequest request = new JoinRequest(config.sdkAppId(), getUserId(), config.userSig(), options.roomId(),
                config.mode(), options.role(), options.privateMapKey());
        return within(opened.join(request), this.options.signalingTimeout(), "join room " + options.roomId())
                .handle((ok, failure) -> {
                    if (failure == null) {
                        roomId = options.roomId();
                        changeState(ConnectionState.CONNECTED);
                        startNetworkQuality();
                        return null;
                    }
                    closeSession(opened);
                    changeState(ConnectionState.DISCONNECTED);
                    RtcError error = asRtcError(failure, ErrorCode.JOIN_ROOM_FAILED, "join failed");
                    // The server's refusals reach the app as JOIN_ROOM_FAILED (its reason in the
                    // message); failures of the channel itself keep their own codes.
                    throw KEPT_JOIN_ERRORS.contains(error.errorCode())
                            ? error : new RtcError(ErrorCode.JOIN_ROOM_FAILED, error.getMessage(), error);
                });
    }

    public CompletableFuture<Void> publish(LocalStream stream) {
        SignalingChannel current = session;
        if (current == null || roomId == null) {
            return failed(ErrorCode.INVALID_OPERATION, getUserId() + " must join a room before publishing");
        }
        if (!stream.isInitialized()) {
            return failed(ErrorCode.INVALID_OPERATION, "the local stream of " + getUserId() + " is not initialized");
        }
        if (uplink != null) {
            return failed(ErrorCode.INVALID_OPERATION, getUserId() + " already publishes a stream");
        }
        PeerLink link = engine.get().createPeerLink(getUserId() + " uplink");
        sampler().track(link);
        publishStartedMicros = options.clock().nowMicros();
        uplink = link;
        published = stream;
        stream.sendOn(link);
        CompletableFuture<Void> negotiated = link.createOffer()
                .thenCompose(offer -> current.publish(offer, stream.tracks()))
                .thenCompose(answer -> {
                    // The stack names the stream (the simulator "alice_main", Janus its feed id).
                    publishedStreamId = answer.streamId();
                    return link.acceptAnswerAndConnect(answer.answerSdp(), stream.hasAudio(), options.mediaTimeout());
                });
        return within(negotiated, options.mediaTimeout(), "publish (uplink connected)")
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        dropUplink(link);
                    } else {
                        stream.publishedBy(new PublishedStreamListener() {
                            @Override
                            public void muted(MediaKind kind, boolean muted) {
                                reportMute(kind, muted);
                            }

                            @Override
                            public CompletableFuture<Void> tracksChanged() {
                                return republish(stream);
                            }
                        });
                        // Tracks muted before publishing are announced as muted.
                        if (stream.isAudioMuted()) {
                            reportMute(MediaKind.AUDIO, true);
                        }
                        if (stream.isVideoMuted()) {
                            reportMute(MediaKind.VIDEO, true);
                        }
                    }
                })
                .exceptionally(failure -> {
                    throw asRtcError(failure, ErrorCode.ICE_TRANSPORT_ERROR, "publish failed");
                });
    }

    /**
     * The published stream gained or lost a track: a new uplink carries its new set of tracks and
     * replaces the old one once connected (the stack tells the others with stream-updated).
     */
    private CompletableFuture<Void> republish(LocalStream stream) {
        SignalingChannel current = session;
        PeerLink previous = uplink;
        if (current == null || previous == null || published != stream) {
            return CompletableFuture.completedFuture(null);
        }
        PeerLink link = engine.get().createPeerLink(getUserId() + " uplink (updated)");
        sampler().track(link);
        stream.sendOn(link);
        CompletableFuture<Void> negotiated = link.createOffer()
                .thenCompose(offer -> current.republish(offer, stream.tracks()))
                .thenCompose(answer -> link.acceptAnswerAndConnect(answer.answerSdp(), stream.hasAudio(),
                        options.mediaTimeout()));
        return within(negotiated, options.mediaTimeout(), "update the published stream")
                .whenComplete((ok, failure) -> {
                    PeerLink replaced = failure == null ? previous : link;
                    if (failure == null) {
                        uplink = link;
                    }
                    StatsSampler currentSampler = sampler;
                    if (currentSampler != null) {
                        currentSampler.untrack(replaced);
                    }
                    replaced.close();
                })
                .exceptionally(failure -> {
                    throw asRtcError(failure, ErrorCode.ICE_TRANSPORT_ERROR, "updating the published stream failed");
                });
    }

    public CompletableFuture<Void> unpublish(LocalStream stream) {
        SignalingChannel current = session;
        PeerLink link = uplink;
        if (current == null || link == null || published != stream) {
            return failed(ErrorCode.INVALID_OPERATION, "the stream of " + getUserId() + " is not published");
        }
        return within(current.unpublish(publishedStreamId), options.signalingTimeout(), "unpublish")
                .whenComplete((ok, failure) -> dropUplink(link));
    }

    /** TRTC's switchRole, in 'live' mode: an anchor may publish, an audience member may not. */
    public CompletableFuture<Void> switchRole(Role role) {
        SignalingChannel current = session;
        if (current == null) {
            return failed(ErrorCode.INVALID_OPERATION, getUserId() + " must join a room before switching role");
        }
        if (config.mode() != Mode.LIVE) {
            return failed(ErrorCode.INVALID_OPERATION, "switchRole is for 'live' mode; " + getUserId() + " is in 'rtc' mode");
        }
        if (role == null) {
            return failed(ErrorCode.INVALID_PARAMETER, "switchRole needs a role: 'anchor' or 'audience'");
        }
        return within(current.switchRole(role), options.signalingTimeout(), "switchRole")
                .thenRun(() -> {
                    PeerLink link = uplink;
                    if (role == Role.AUDIENCE && link != null) {
                        dropUplink(link);
                    }
                });
    }

    /** When the last publish() began (media clock, µs), or -1. */
    public long publishStartedMicros() {
        return publishStartedMicros;
    }

    /** getRemoteMutedState(): for each remote user with a stream, what it has and what it muted. */
    public List<RemoteMutedState> getRemoteMutedState() {
        return List.copyOf(remoteMuted.values());
    }

    private void reportMute(MediaKind kind, boolean muted) {
        SignalingChannel current = session;
        if (current != null) {
            current.mute(kind, muted).whenComplete((ok, failure) -> {
                if (failure != null) {
                    log.warn("{}: could not report {} {}: {}", getUserId(), muted ? "muting" : "unmuting", kind,
                            failure.getMessage());
                }
            });
        }
    }

    /**
     * Fault injection for tests: the signaling connection breaks without a leave, as when a network
     * fails. The client drops its room state and reports DISCONNECTED; the stack sees the socket close.
     */
    public void dropSignaling() {
        SignalingChannel current = session;
        if (current == null) {
            throw new RtcError(ErrorCode.INVALID_OPERATION, getUserId() + " has no signaling connection to drop");
        }
        releaseRoom();
        closeSession(current);
        changeState(ConnectionState.DISCONNECTED);
    }

    public CompletableFuture<Void> subscribe(RemoteStream stream) {
        return subscribe(stream, SubscribeOptions.BOTH);
    }

    /**
     * subscribe(stream, {audio, video}): only the kinds asked for are received; the others are
     * refused in the answer (a=inactive), so the stack sends none of them. Asking for neither is
     * INVALID_PARAMETER. A re-subscription after stream-updated keeps the choice.
     */
    public CompletableFuture<Void> subscribe(RemoteStream stream, SubscribeOptions choice) {
        if (!choice.audio() && !choice.video()) {
            return failed(ErrorCode.INVALID_PARAMETER, "subscribing to " + stream.getId() + " with neither audio nor video");
        }
        subscribeChoices.put(stream.getId(), choice);
        return subscribe(stream, true);
    }

    private CompletableFuture<Void> subscribe(RemoteStream stream, boolean announce) {
        SubscribeOptions choice = subscribeChoices.getOrDefault(stream.getId(), SubscribeOptions.BOTH);
        SignalingChannel current = session;
        if (current == null) {
            return failed(ErrorCode.INVALID_OPERATION, getUserId() + " must join a room before subscribing");
        }
        if (remoteStreams.get(stream.getId()) != stream) {
            return failed(ErrorCode.REMOTE_STREAM_NOT_EXIST, "stream " + stream.getId() + " is not in the room of " + getUserId());
        }
        closeDownlink(stream.getId());
        stream.subscribeStarted();
        PeerLink link = engine.get().createPeerLink(getUserId() + " downlink " + stream.getId());
        sampler().track(link);
        link.onTrack(transceiver -> stream.attach(transceiver.getReceiver().getTrack()));
        downlinks.put(stream.getId(), link);
        CompletableFuture<Void> negotiated = current.subscribe(stream.getId())
                .thenCompose(offer -> link.acceptOffer(offer, choice.refusedKinds()))
                .thenCompose(answer -> current.completeSubscription(stream.getId(), answer))
                .thenCompose(ignored -> link.connected());
        return within(negotiated, options.mediaTimeout(), "subscribe to " + stream.getId() + " (downlink connected)")
                .whenComplete((ok, failure) -> {
                    if (failure == null && announce) {
                        emit(ClientEvent.STREAM_SUBSCRIBED, stream.getUserId(), stream, EventPayload.NONE);
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

    public CompletableFuture<Void> unsubscribe(RemoteStream stream) {
        SignalingChannel current = session;
        if (current == null || !downlinks.containsKey(stream.getId())) {
            return failed(ErrorCode.INVALID_OPERATION, getUserId() + " is not subscribed to " + stream.getId());
        }
        return within(current.unsubscribe(stream.getId()), options.signalingTimeout(), "unsubscribe")
                .whenComplete((ok, failure) -> closeDownlink(stream.getId()));
    }

    /** Leaves the room: unpublishes, closes every remote stream; the client may join again. */
    public CompletableFuture<Void> leave() {
        SignalingChannel current = session;
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        return within(current.leave(), options.signalingTimeout(), "leave")
                .whenComplete((ok, failure) -> {
                    releaseRoom();
                    closeSession(current);
                    changeState(ConnectionState.DISCONNECTED);
                });
    }

    /**
     * enableAudioVolumeEvaluation(interval): from now on, an 'audio-volume' event every
     * {@code intervalMillis} (at least 16) with the volume, 0..100, of the client's own published audio
     * and of every stream it subscribed to — in the event's details, userId → audioVolume. A value
     * of 0 or less turns it off. Streams are measured from libwebrtc's audio levels, so a muted or
     * silent stream reads 0.
     */
    public synchronized void enableAudioVolumeEvaluation(int intervalMillis) {
        AudioVolumeEvaluation previous = volumeEvaluation;
        volumeEvaluation = null;
        if (previous != null) {
            previous.close();
            // Measurements of the old evaluation may still be on their way: once this returns, none
            // is delivered (each checks, on the event thread, that its evaluation is still current).
            awaitEventsDelivered();
        }
        if (intervalMillis <= 0 || destroyed) {
            return;
        }
        AudioVolumeEvaluation[] evaluation = new AudioVolumeEvaluation[1];
        evaluation[0] = new AudioVolumeEvaluation(timer(), intervalMillis, this::audioLinks,
                volumes -> emitVolumes(evaluation[0], volumes));
        volumeEvaluation = evaluation[0];
    }

    private void emitVolumes(AudioVolumeEvaluation from, Map<String, Integer> volumes) {
        emitWhile(() -> from != null && from == volumeEvaluation, ClientEvent.AUDIO_VOLUME, null, null,
                new AudioVolumes(volumes));
    }

    /** Waits until every event queued so far was delivered (not from a handler: that would wait for itself). */
    private void awaitEventsDelivered() {
        if (Thread.currentThread() == eventThread || events.isShutdown()) {
            return;
        }
        try {
            events.submit(() -> { }).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            log.warn("{}: events queued before turning audio volume evaluation off were not all delivered: {}",
                    getUserId(), e.toString());
        }
    }

    /** The connections carrying audio now: the uplink (own audio) and each downlink, by userId. */
    private Map<String, AudioVolumeEvaluation.MeasuredLink> audioLinks() {
        Map<String, AudioVolumeEvaluation.MeasuredLink> links = new java.util.TreeMap<>();
        PeerLink up = uplink;
        LocalStream own = published;
        if (up != null && own != null && own.hasAudio()) {
            links.put(getUserId(), new AudioVolumeEvaluation.MeasuredLink(up, true));
        }
        downlinks.forEach((streamId, link) -> {
            RemoteStream stream = remoteStreams.get(streamId);
            if (stream != null && stream.hasAudio()) {
                links.put(stream.getUserId(), new AudioVolumeEvaluation.MeasuredLink(link, false));
            }
        });
        return links;
    }

    /** Releases everything the client holds; it cannot join again. */
    public void destroy() {
        close();
    }

    @Override
    public void close() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        SignalingChannel current = session;
        releaseRoom();
        if (current != null) {
            closeSession(current);
        }
        StatsSampler currentSampler = sampler;
        if (currentSampler != null) {
            currentSampler.close();
        }
        AudioVolumeEvaluation evaluation = volumeEvaluation;
        if (evaluation != null) {
            evaluation.close();
        }
        synchronized (this) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every remote stream this client was told of, removed ones included (what they rendered stays). */
    public List<RemoteStream> remoteStreamHistory() {
        return List.copyOf(streamHistory);
    }

    public List<RemoteStream> remoteStreams() {
        return List.copyOf(remoteStreams.values());
    }

    /** 'network-quality' every 2 s while in the room, as TRTC's SDK does from join on. */
    private synchronized void startNetworkQuality() {
        stopNetworkQuality();
        if (destroyed) {
            return;
        }
        NetworkQualityMonitor[] monitor = new NetworkQualityMonitor[1];
        monitor[0] = new NetworkQualityMonitor(timer(),
                () -> new NetworkQualityMonitor.Links(state == ConnectionState.CONNECTED, Optional.ofNullable(uplink),
                        List.copyOf(downlinks.values())),
                // A measurement finishing after leave is not delivered.
                quality -> emitWhile(() -> monitor[0] == qualityMonitor, ClientEvent.NETWORK_QUALITY, null, null,
                        quality));
        qualityMonitor = monitor[0];
    }

    /** The client's timer for its periodic events (network-quality, audio-volume), made on first use. */
    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "client-timer-" + config.userId());
                thread.setDaemon(true);
                return thread;
            });
        }
        return timer;
    }

    private synchronized void stopNetworkQuality() {
        NetworkQualityMonitor monitor = qualityMonitor;
        qualityMonitor = null;
        if (monitor != null) {
            monitor.close();
        }
    }

    private void releaseRoom() {
        stopNetworkQuality();
        PeerLink link = uplink;
        if (link != null) {
            dropUplink(link);
        }
        downlinks.keySet().forEach(this::closeDownlink);
        remoteStreams.clear();
        subscribeChoices.clear();
        remoteMuted.clear();
        roomId = null;
    }

    private void closeSession(SignalingChannel toClose) {
        if (session == toClose) {
            session = null;
        }
        toClose.close();
    }

    private synchronized StatsSampler sampler() {
        if (sampler == null) {
            sampler = new StatsSampler(engine.get(), options.clock());
        }
        return sampler;
    }

    /** The getStats() entries sampled once a second from every connection of this client. */
    public List<StatsSample> statsSamples() {
        StatsSampler current = sampler;
        return current == null ? List.of() : current.samples();
    }

    /** Not TRTC's: the UDP port the published stream's media leaves from, for the harness's packet loss. */
    public CompletableFuture<Optional<Integer>> uplinkMediaPort() {
        PeerLink up = uplink;
        return up == null ? CompletableFuture.completedFuture(Optional.empty()) : up.localMediaPort();
    }

    /** Not TRTC's: the UDP port the stream of {@code userId} arrives at, for the harness's packet loss. */
    public CompletableFuture<Optional<Integer>> downlinkMediaPort(String userId) {
        return remoteStreams.values().stream()
                .filter(stream -> stream.getUserId().equals(userId))
                .map(stream -> downlinks.get(stream.getId()))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(PeerLink::localMediaPort)
                .orElse(CompletableFuture.completedFuture(Optional.empty()));
    }

    /** getLocalVideoStats(): {userId: {bytesSent, packetsSent, framesEncoded, framesSent, frameWidth, frameHeight}}. */
    public CompletableFuture<Map<String, Map<String, Object>>> getLocalVideoStats() {
        return localStats("video", List.of("bytesSent", "packetsSent", "framesEncoded", "framesSent", "frameWidth", "frameHeight"));
    }

    /** getLocalAudioStats(): {userId: {bytesSent, packetsSent}}. */
    public CompletableFuture<Map<String, Map<String, Object>>> getLocalAudioStats() {
        return localStats("audio", List.of("bytesSent", "packetsSent"));
    }

    /** getRemoteVideoStats(): {userId: {bytesReceived, packetsReceived, packetsLost, framesDecoded, frameWidth, frameHeight}}. */
    public CompletableFuture<Map<String, Map<String, Object>>> getRemoteVideoStats() {
        return remoteStats("video", List.of("bytesReceived", "packetsReceived", "packetsLost", "framesDecoded",
                "frameWidth", "frameHeight", "framesPerSecond", "jitter"));
    }

    /** getRemoteAudioStats(): {userId: {bytesReceived, packetsReceived, packetsLost}}. */
    public CompletableFuture<Map<String, Map<String, Object>>> getRemoteAudioStats() {
        return remoteStats("audio", List.of("bytesReceived", "packetsReceived", "packetsLost", "jitter"));
    }

    /** getTransportStats(): {rtt (ms, uplink), downlinksRTTStats: {userId: {rtt}}}. */
    public CompletableFuture<Map<String, Object>> getTransportStats() {
        PeerLink up = uplink;
        CompletableFuture<Double> uplinkRtt = up == null ? CompletableFuture.completedFuture(Double.NaN) : rttOf(up);
        Map<String, CompletableFuture<Double>> downRtts = new java.util.TreeMap<>();
        downlinks.forEach((streamId, link) -> {
            RemoteStream stream = remoteStreams.get(streamId);
            downRtts.put(stream == null ? streamId : stream.getUserId(), rttOf(link));
        });
        return CompletableFuture.allOf(downRtts.values().toArray(CompletableFuture[]::new)).thenCombine(uplinkRtt, (v, rtt) -> {
            Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("rtt", rtt);
            Map<String, Object> downs = new java.util.LinkedHashMap<>();
            downRtts.forEach((userId, future) -> downs.put(userId, Map.of("rtt", future.join())));
            result.put("downlinksRTTStats", downs);
            return result;
        });
    }

    private static CompletableFuture<Double> rttOf(PeerLink link) {
        return link.stats().thenApply(report -> report.getStats().values().stream()
                .filter(s -> s.getType() == dev.onvoid.webrtc.RTCStatsType.CANDIDATE_PAIR)
                .map(s -> s.getAttributes().get("currentRoundTripTime"))
                .filter(v -> v instanceof Number)
                .mapToDouble(v -> ((Number) v).doubleValue() * 1000)
                .findFirst().orElse(Double.NaN));
    }

    private CompletableFuture<Map<String, Map<String, Object>>> localStats(String kind, List<String> keys) {
        PeerLink up = uplink;
        if (up == null) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return up.stats().thenApply(report -> Map.of(getUserId(), pick(report, "OUTBOUND_RTP", kind, keys)));
    }

    private CompletableFuture<Map<String, Map<String, Object>>> remoteStats(String kind, List<String> keys) {
        Map<String, CompletableFuture<Map<String, Object>>> perUser = new java.util.TreeMap<>();
        downlinks.forEach((streamId, link) -> {
            RemoteStream stream = remoteStreams.get(streamId);
            perUser.put(stream == null ? streamId : stream.getUserId(),
                    link.stats().thenApply(report -> pick(report, "INBOUND_RTP", kind, keys)));
        });
        return CompletableFuture.allOf(perUser.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, Map<String, Object>> result = new java.util.TreeMap<>();
            perUser.forEach((userId, future) -> result.put(userId, future.join()));
            return result;
        });
    }

    private static Map<String, Object> pick(dev.onvoid.webrtc.RTCStatsReport report, String type, String kind, List<String> keys) {
        Map<String, Object> picked = new java.util.LinkedHashMap<>();
        report.getStats().values().stream()
                .filter(s -> s.getType().name().equals(type) && kind.equals(s.getAttributes().get("kind")))
                .findFirst()
                .ifPresent(s -> keys.forEach(key -> {
                    Object value = s.getAttributes().get(key);
                    if (value != null) {
                        picked.put(key, value);
                    }
                }));
        return picked;
    }

    private void dropUplink(PeerLink link) {
        if (uplink == link) {
            LocalStream stream = published;
            if (stream != null) {
                stream.publishedBy(null);
            }
            uplink = null;
            published = null;
        }
        StatsSampler current = sampler;
        if (current != null) {
            current.untrack(link);
        }
        link.close();
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
            StatsSampler current = sampler;
            if (current != null) {
                current.untrack(link);
            }
            link.close();
        }
    }

    private void changeState(ConnectionState next) {
        ConnectionState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        emit(ClientEvent.CONNECTION_STATE_CHANGED, null, null, new ConnectionStateChange(previous, next));
    }

    /** Records the event and runs the handlers, on the event thread, in arrival order. */
    private void emit(ClientEvent type, String userId, RemoteStream stream, EventPayload payload) {
        emitWhile(() -> true, type, userId, stream, payload);
    }

    /**
     * As {@link #emit}, but delivered only if {@code stillWanted} holds on the event thread, when its
     * turn comes: a periodic measurement that finishes after its evaluation stopped is dropped.
     */
    private void emitWhile(java.util.function.BooleanSupplier stillWanted, ClientEvent type, String userId,
                           RemoteStream stream, EventPayload payload) {
        if (events.isShutdown()) {
            return;
        }
        events.execute(() -> {
            if (stillWanted.getAsBoolean()) {
                deliver(type, userId, stream, payload);
            }
        });
    }

    /** On the event thread: journal, then every handler of that event in registration order. */
    private void deliver(ClientEvent type, String userId, RemoteStream stream, EventPayload payload) {
        journal.record(new JournalEntry(System.nanoTime(), type, userId, stream == null ? null : stream.getId(), payload));
        TrtcEvent event = new TrtcEvent(type, userId, stream, payload);
        for (Consumer<TrtcEvent> handler : handlers.getOrDefault(type, List.of())) {
            try {
                handler.accept(event);
            } catch (RuntimeException e) {
                log.error("{}: a '{}' handler threw", getUserId(), type, e);
            }
        }
    }

    private final class Listener implements RoomEventListener {
        @Override
        public void onEvent(RoomEvent event) {
            ClientEvent type = event.type();
            switch (type) {
                case STREAM_ADDED -> {
                    RemoteStream stream = new RemoteStream(event.streamId(), event.userId(), event.carries(MediaKind.AUDIO), event.carries(MediaKind.VIDEO),
                            options.clock());
                    remoteStreams.put(stream.getId(), stream);
                    streamHistory.add(stream);
                    remoteMuted.put(event.userId(), remoteMutedState(event));
                    emit(type, event.userId(), stream, EventPayload.NONE);
                    if (config.autoSubscribe()) {
                        subscribe(stream).whenComplete((ok, failure) -> {
                            if (failure != null) {
                                log.warn("{}: subscribing by itself to {} failed: {}", getUserId(), stream.getId(),
                                        failure.getMessage());
                            }
                        });
                    }
                }
                case STREAM_REMOVED -> {
                    // TRTC unsubscribes by itself when a stream goes away.
                    RemoteStream stream = remoteStreams.get(event.streamId());
                    closeDownlink(event.streamId());
                    remoteStreams.remove(event.streamId());
                    subscribeChoices.remove(event.streamId());
                    remoteMuted.remove(event.userId());
                    emit(type, event.userId(), stream, EventPayload.NONE);
                }
                case CLIENT_BANNED -> {
                    emit(type, event.userId(), null, new BanNotice(Optional.ofNullable(event.reason())));
                    SignalingChannel current = session;
                    releaseRoom();
                    if (current != null) {
                        closeSession(current);
                    }
                    changeState(ConnectionState.DISCONNECTED);
                }
                case STREAM_UPDATED -> {
                    RemoteStream stream = remoteStreams.get(event.streamId());
                    if (stream != null) {
                        stream.updateTracks(event.carries(MediaKind.AUDIO), event.carries(MediaKind.VIDEO));
                        remoteMuted.put(event.userId(), remoteMutedState(event));
                        // A subscription carries the tracks it was made with: subscribe again for the new set.
                        if (downlinks.containsKey(stream.getId())) {
                            closeDownlink(stream.getId());
                            subscribe(stream, false).whenComplete((ok, failure) -> {
                                if (failure != null) {
                                    log.warn("{}: re-subscribing to updated {} failed: {}", getUserId(), stream.getId(),
                                            failure.getMessage());
                                }
                            });
                        }
                    }
                    emit(type, event.userId(), stream, EventPayload.NONE);
                }
                case MUTE_AUDIO, UNMUTE_AUDIO -> {
                    remoteMuted.computeIfPresent(event.userId(), (id, state) -> state.withAudioMuted(type == ClientEvent.MUTE_AUDIO));
                    emit(type, event.userId(), null, EventPayload.NONE);
                }
                case MUTE_VIDEO, UNMUTE_VIDEO -> {
                    remoteMuted.computeIfPresent(event.userId(), (id, state) -> state.withVideoMuted(type == ClientEvent.MUTE_VIDEO));
                    emit(type, event.userId(), null, EventPayload.NONE);
                }
                default -> emit(type, event.userId(), null, EventPayload.NONE);
            }
        }

        @Override
        public void onDisconnected(String reason) {
            log.info("{}: signaling lost: {}", getUserId(), reason);
            SignalingChannel current = session;
            releaseRoom();
            if (current != null) {
                closeSession(current);
            }
            changeState(ConnectionState.DISCONNECTED);
        }
    }

    private static RemoteMutedState remoteMutedState(RoomEvent event) {
        return new RemoteMutedState(event.userId(), event.carries(MediaKind.AUDIO), event.carries(MediaKind.VIDEO),
                event.isMuted(MediaKind.AUDIO), event.isMuted(MediaKind.VIDEO));
    }

    private static <T> CompletableFuture<T> within(CompletableFuture<T> operation, java.time.Duration timeout, String what) {
        return operation.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof TimeoutException) {
                        throw new RtcError(ErrorCode.SERVER_TIMEOUT, what + " did not complete within " + timeout.toMillis() + " ms");
                    }
                    throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
                });
    }

    private static RtcError asRtcError(Throwable failure, ErrorCode fallback, String what) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RtcError rtc ? rtc : new RtcError(fallback, what + ": " + cause, cause);
    }

    private static <T> CompletableFuture<T> failed(ErrorCode code, String message) {
        return CompletableFuture.failedFuture(new RtcError(code, message));
    }
}
