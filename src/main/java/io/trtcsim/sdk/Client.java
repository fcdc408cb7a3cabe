package io.trtcsim.sdk;

import static io.trtcsim.sdk.SignalingFutures.failed;

import io.trtcsim.media.InboundVideoStats;
import io.trtcsim.media.MediaEngine;
import io.trtcsim.media.PeerLink;
import io.trtcsim.media.StatsSample;
import io.trtcsim.sdk.signaling.Readmission;
import io.trtcsim.sdk.signaling.RoomEvent;
import io.trtcsim.sdk.signaling.Signaling;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ConnectionState;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.RemoteVideoStreamType;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import io.trtcsim.trtc.RtcError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * TRTC's Client: joins a room, publishes a LocalStream, subscribes to RemoteStreams and delivers
 * the documented events to handlers registered with {@link #on}. Every delivered event is also
 * written to the client's {@link EventJournal}. Handlers run one at a time, in order (on threads the
 * clients of a {@link ClientRuntime} share).
 * <p>
 * A facade: the room's lifecycle ({@link RoomConnection}), what is sent ({@link Uplink}), what is
 * received ({@link Subscriptions}), events ({@link EventDelivery}), statistics
 * ({@link ClientStatistics}) and the periodic events ({@link PeriodicMonitors}) each live apart.
 */
public final class Client implements AutoCloseable {

    private final ClientConfig config;
    private final EventDelivery events;
    private final RoomConnection room;
    private final Uplink uplink;
    private final Subscriptions subscriptions;
    private final ClientStatistics statistics;
    private final PeriodicMonitors monitors;
    private final Peers peers = new Peers();
    private final AtomicBoolean destroyed = new AtomicBoolean();

    Client(ClientConfig config, Signaling signaling, SdkOptions options, Supplier<MediaEngine> engine,
           Rendering rendering, ClientRuntime runtime) {
        this.config = config;
        this.events = new EventDelivery(config.userId(), new EventJournal(options.originNanos()), runtime.pool());
        this.room = new RoomConnection(config, signaling, options, events, new Stay(),
                new ClientTimer(config.userId() + " signaling", runtime));
        this.uplink = new Uplink(config.userId(), engine, options, this::channel);
        this.subscriptions = new Subscriptions(config, engine, rendering, options, events, this::channel);
        this.statistics = new ClientStatistics(config.userId(), options.clock(), uplink, subscriptions,
                new ClientTimer(config.userId() + " statistics", runtime));
        this.monitors = new PeriodicMonitors(statistics, events, () -> room.state() == ConnectionState.CONNECTED);
    }

    private SignalingChannel channel() {
        return room.channel();
    }

    public String getUserId() {
        return config.userId();
    }

    public ClientConfig config() {
        return config;
    }

    public EventJournal journal() {
        return events.journal();
    }

    public ConnectionState connectionState() {
        return room.state();
    }

    public Optional<RoomId> roomId() {
        return room.roomId();
    }

    /** Registers a handler for a documented event name; an undocumented name is INVALID_PARAMETER. */
    public void on(String eventName, Consumer<TrtcEvent> handler) {
        events.on(ClientEvent.named(eventName), handler);
    }

    public void off(String eventName, Consumer<TrtcEvent> handler) {
        events.off(ClientEvent.named(eventName), handler);
    }

    public CompletableFuture<Void> join(JoinOptions joinOptions) {
        return room.join(joinOptions);
    }

    /** Leaves the room: unpublishes, closes every remote stream; the client may join again. */
    public CompletableFuture<Void> leave() {
        return room.leave();
    }

    public CompletableFuture<Void> publish(LocalStream stream) {
        SignalingChannel channel = room.joinedChannel();
        if (channel == null) {
            return failed(ErrorCode.INVALID_OPERATION, getUserId() + " must join a room before publishing");
        }
        return uplink.publish(channel, stream);
    }

    public CompletableFuture<Void> unpublish(LocalStream stream) {
        return uplink.unpublish(channel(), stream);
    }

    /** TRTC's switchRole, in 'live' mode: an anchor may publish, an audience member may not. */
    public CompletableFuture<Void> switchRole(Role role) {
        return room.switchRole(role).thenRun(() -> {
            if (role == Role.AUDIENCE) {
                uplink.drop();
            }
        });
    }

    /** When the last publish() began (media clock, µs), or -1. */
    public long publishStartedMicros() {
        return uplink.startedMicros();
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
        return subscriptions.subscribe(stream, choice);
    }

    public CompletableFuture<Void> unsubscribe(RemoteStream stream) {
        return subscriptions.unsubscribe(stream);
    }

    /**
     * enableSmallStream(): the next publish sends a small stream beside the big one (dual stream),
     * at the small stream profile. INVALID_OPERATION while publishing: v4 takes it before publish().
     */
    public CompletableFuture<Void> enableSmallStream() {
        return uplink.setSmallStream(true);
    }

    /** disableSmallStream(): the next publish sends the big stream only. INVALID_OPERATION while publishing. */
    public CompletableFuture<Void> disableSmallStream() {
        return uplink.setSmallStream(false);
    }

    /**
     * setSmallStreamProfile({width, height, frameRate, bitrate}); the default is 160x120 at 15 fps,
     * 100 kbps. INVALID_PARAMETER for a size or rate the capture cannot make, or a bitrate under 1.
     */
    public void setSmallStreamProfile(int width, int height, int frameRate, int bitrateKbps) {
        uplink.setSmallStreamProfile(SmallStreamProfile.of(width, height, frameRate, bitrateKbps));
    }

    /**
     * setRemoteVideoStreamType(stream, 'big' | 'small'): which video layer of that stream this client
     * receives; a subscribed stream switches (a new downlink, the stream plays on). 'small' of a
     * stream without one is INVALID_OPERATION.
     */
    public CompletableFuture<Void> setRemoteVideoStreamType(RemoteStream stream, RemoteVideoStreamType type) {
        return subscriptions.setRemoteVideoStreamType(stream, type);
    }

    /** getRemoteMutedState(): for each remote user with a stream, what it has and what it muted. */
    public List<RemoteMutedState> getRemoteMutedState() {
        return subscriptions.mutedStates();
    }

    public List<RemoteStream> remoteStreams() {
        return subscriptions.remoteStreams();
    }

    /** Every remote stream this client was told of, removed ones included (what they rendered stays). */
    public List<RemoteStream> remoteStreamHistory() {
        return subscriptions.history();
    }

    /**
     * enableAudioVolumeEvaluation(interval): from now on, an 'audio-volume' event every
     * {@code intervalMillis} (at least 16) with the volume, 0..100, of the client's own published audio
     * and of every stream it subscribed to — in the event's details, userId → audioVolume. A value
     * of 0 or less turns it off; once this returns, no event of the previous evaluation arrives.
     * Streams are measured from libwebrtc's audio levels, so a muted or silent stream reads 0.
     */
    public void enableAudioVolumeEvaluation(int intervalMillis) {
        monitors.enableAudioVolume(intervalMillis);
    }

    /** getLocalVideoStats(): {userId: {bytesSent, packetsSent, framesEncoded, framesSent, frameWidth, frameHeight}}. */
    public CompletableFuture<Map<String, Map<String, Object>>> getLocalVideoStats() {
        return statistics.local(MediaKind.VIDEO, List.of("bytesSent", "packetsSent", "framesEncoded", "framesSent", "frameWidth", "frameHeight"));
    }

    /** getLocalAudioStats(): {userId: {bytesSent, packetsSent}}. */
    public CompletableFuture<Map<String, Map<String, Object>>> getLocalAudioStats() {
        return statistics.local(MediaKind.AUDIO, List.of("bytesSent", "packetsSent"));
    }

    /** getRemoteVideoStats(): {userId: {bytesReceived, packetsReceived, packetsLost, framesDecoded, frameWidth, frameHeight}}. */
    public CompletableFuture<Map<String, Map<String, Object>>> getRemoteVideoStats() {
        return statistics.remote(MediaKind.VIDEO, List.of("bytesReceived", "packetsReceived", "packetsLost", "framesDecoded",
                "frameWidth", "frameHeight", "framesPerSecond", "jitter"));
    }

    /** getRemoteAudioStats(): {userId: {bytesReceived, packetsReceived, packetsLost}}. */
    public CompletableFuture<Map<String, Map<String, Object>>> getRemoteAudioStats() {
        return statistics.remote(MediaKind.AUDIO, List.of("bytesReceived", "packetsReceived", "packetsLost", "jitter"));
    }

    /** getTransportStats(): {rtt (ms, uplink), downlinksRTTStats: {userId: {rtt}}}. */
    public CompletableFuture<Map<String, Object>> getTransportStats() {
        return statistics.transport();
    }

    /**
     * Not TRTC's: the counters libwebrtc keeps of the video received from {@code userId} (frames
     * decoded, freezes, bytes, resolution), read now; empty when not subscribed to it or before any
     * video. What a client that renders nothing ({@link Rendering#NONE}) measures with.
     */
    public CompletableFuture<Optional<InboundVideoStats>> receivedVideoStats(String userId) {
        return statistics.receivedVideo(userId);
    }

    /** The getStats() entries sampled once a second from every connection of this client. */
    public List<StatsSample> statsSamples() {
        return statistics.samples();
    }

    /** Not TRTC's: the UDP port the published stream's media leaves from, for the harness's packet loss. */
    public CompletableFuture<Optional<Integer>> uplinkMediaPort() {
        return mediaPort(uplink.link());
    }

    /** Not TRTC's: the UDP port the stream of {@code userId} arrives at, for the harness's packet loss. */
    public CompletableFuture<Optional<Integer>> downlinkMediaPort(String userId) {
        return mediaPort(subscriptions.downlinkOf(userId));
    }

    private static CompletableFuture<Optional<Integer>> mediaPort(Optional<PeerLink> link) {
        return link.map(PeerLink::localMediaPort).orElse(CompletableFuture.completedFuture(Optional.empty()));
    }

    /**
     * Fault injection for tests: the signaling connection breaks without a leave, as when a network
     * fails. The stack sees the socket close at once (and lets the membership go); the client reports
     * RECONNECTING and enters the room again, as TRTC's SDK does.
     */
    public void dropSignaling() {
        room.dropSignaling();
    }

    /** Releases everything the client holds; it cannot join again. */
    public void destroy() {
        close();
    }

    /** As destroy(): out of the room without a leave; events emitted before are still delivered. */
    @Override
    public void close() {
        if (!destroyed.compareAndSet(false, true)) {
            return;
        }
        monitors.close();
        // Destroying is not a disconnection the app hears of: it never got connection-state-changed.
        events.stopAccepting();
        room.close();
        statistics.close();
        events.close();
    }

    /** What a stay in a room starts and ends here. */
    private final class Stay implements RoomConnection.Stay {
        @Override
        public void joined() {
            statistics.startRecording();
            monitors.startNetworkQuality();
        }

        @Override
        public void release() {
            monitors.stopNetworkQuality();
            uplink.drop();
            subscriptions.closeAll();
            peers.clear();
        }

        @Override
        public void onEvent(RoomEvent event) {
            boolean news = switch (event.type()) {
                case PEER_JOIN -> peers.joined(event.userId());
                case PEER_LEAVE -> peers.left(event.userId());
                default -> !subscriptions.handle(event);
            };
            if (news) {
                events.emit(event.type(), event.userId(), null, EventPayload.NONE);
            }
        }

        /**
         * Announcements of what the app already knows will be silent; the uplink is restored at once,
         * downlinks as their streams are announced again (Subscriptions).
         */
        @Override
        public void rejoined(Readmission readmission) {
            peers.beginReconciliation();
            subscriptions.beginReconciliation(readmission);
            SignalingChannel channel = room.channel();
            if (channel == null) {
                return;
            }
            uplink.restore(channel, readmission).whenComplete((ok, failure) -> {
                if (failure != null) {
                    events.emit(ClientEvent.ERROR, getUserId(), null, new ErrorNotice(new RtcError(
                            ErrorCode.UPLINK_RECONNECTION_FAILED, "republishing after the reconnection failed: "
                            + failure.getMessage(), failure)));
                }
            });
        }

        @Override
        public void reconciled() {
            subscriptions.endReconciliation();
            for (String gone : peers.endReconciliation()) {
                events.emit(ClientEvent.PEER_LEAVE, gone, null, EventPayload.NONE);
            }
        }
    }
}
