package io.trtcsim.media;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import io.trtcsim.trtc.MediaKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer connection with the negotiation steps as futures. Negotiation is not trickled: a
 * description is handed over once ICE gathering completes, so it carries every candidate and the
 * signaling needs no candidate messages (host candidates gather in milliseconds, no STUN/TURN).
 */
public final class PeerLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeerLink.class);

    private final String name;
    private final MediaEngine engine;
    private final RTCPeerConnection connection;
    private final CompletableFuture<Void> gathered = new CompletableFuture<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final List<RTCRtpSender> senders = new CopyOnWriteArrayList<>();
    private final List<Consumer<RTCRtpTransceiver>> trackListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<RTCPeerConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
    private volatile RTCPeerConnectionState state = RTCPeerConnectionState.NEW;
    /** Set once by the first close(). */
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Completes once the connection is closed (its senders removed, the native connection closed). */
    private final CompletableFuture<Void> closeDone = new CompletableFuture<>();
    /** The thread that closes the connection, once one does. */
    private volatile Thread closer;
    private volatile boolean closed;
    /**
     * Native calls that need the connection alive (getStats) read-hold it; close write-holds it
     * while it closes the connection. A reader never waits (tryLock): a stats call that meets a
     * close fails instead. The writer waits only for readers in a native call, which libwebrtc
     * finishes without us, and never runs on a libwebrtc thread (see {@link #close}).
     */
    private final ReentrantReadWriteLock alive = new ReentrantReadWriteLock();

    PeerLink(MediaEngine engine, String name) {
        this.name = name;
        this.engine = engine;
        RTCConfiguration configuration = new RTCConfiguration();
        // TCP candidates only slow gathering down; every peer here is reachable over UDP.
        configuration.portAllocatorConfig = new PortAllocatorConfig(0, 0,
                PortAllocatorConfig.PORTALLOCATOR_DISABLE_TCP | PortAllocatorConfig.PORTALLOCATOR_DISABLE_RELAY);
        this.connection = engine.factory().createPeerConnection(configuration, new Observer());
    }

    public String name() {
        return name;
    }

    public RTCPeerConnectionState state() {
        return state;
    }

    public void addTrack(MediaStreamTrack track, String streamId) {
        senders.add(connection.addTrack(track, List.of(streamId)));
    }

    /**
     * Puts {@code next} on the sender of the track {@code trackId} (RTCRtpSender.replaceTrack): the
     * same RTP stream carries the new track's media, without a renegotiation. False when no sender
     * sends that track. Native calls: never call this holding a lock a libwebrtc callback may need.
     */
    public boolean replaceTrack(String trackId, MediaStreamTrack next) {
        for (RTCRtpSender sender : senders) {
            MediaStreamTrack track = sender.getTrack();
            if (track != null && track.getId().equals(trackId)) {
                sender.replaceTrack(next);
                return true;
            }
        }
        return false;
    }

    /**
     * Caps what the sender of that track sends (RTCRtpSender.setParameters, encodings' maxBitrate);
     * empty lifts the cap. For audio libwebrtc also takes the cap as the Opus encoder's target.
     * Native calls: never call this holding a lock a libwebrtc callback may need.
     */
    public void setMaxBitrate(String trackId, OptionalInt kbps) {
        for (RTCRtpSender sender : senders) {
            MediaStreamTrack track = sender.getTrack();
            if (track == null || !track.getId().equals(trackId)) {
                continue;
            }
            RTCRtpSendParameters parameters = sender.getParameters();
            if (parameters.encodings == null) {
                continue;
            }
            for (RTCRtpEncodingParameters encoding : parameters.encodings) {
                encoding.maxBitrate = kbps.isPresent() ? kbps.getAsInt() * 1000 : null;
            }
            sender.setParameters(parameters);
        }
    }

    public void onTrack(Consumer<RTCRtpTransceiver> listener) {
        trackListeners.add(listener);
    }

    public void onStateChange(Consumer<RTCPeerConnectionState> listener) {
        stateListeners.add(listener);
    }

    /** Creates the offer, applies it locally and completes with the full SDP once gathering ends. */
    public CompletableFuture<String> createOffer() {
        CompletableFuture<RTCSessionDescription> offer = new CompletableFuture<>();
        connection.createOffer(new RTCOfferOptions(), new CreateObserver(offer, "createOffer"));
        return offer.thenCompose(this::setLocal).thenCompose(ignored -> localDescriptionWhenGathered());
    }

    /** Applies a remote offer, answers it and completes with the full answer SDP. */
    public CompletableFuture<String> acceptOffer(String offerSdp) {
        return acceptOffer(offerSdp, Set.of());
    }

    /**
     * Answers an offer, refusing the media of the given kinds: their
     * transceivers answer {@code a=inactive}, so the other side sends none of it.
     */
    public CompletableFuture<String> acceptOffer(String offerSdp, Set<MediaKind> refusedKinds) {
        return setRemote(new RTCSessionDescription(RTCSdpType.OFFER, offerSdp))
                .thenCompose(ignored -> {
                    for (RTCRtpTransceiver transceiver : connection.getTransceivers()) {
                        if (refusedKinds.contains(MediaKind.named(transceiver.getReceiver().getTrack().getKind()))) {
                            transceiver.setDirection(RTCRtpTransceiverDirection.INACTIVE);
                        }
                    }
                    CompletableFuture<RTCSessionDescription> answer = new CompletableFuture<>();
                    connection.createAnswer(new RTCAnswerOptions(), new CreateObserver(answer, "createAnswer"));
                    return answer;
                })
                .thenCompose(this::setLocal)
                .thenCompose(ignored -> localDescriptionWhenGathered());
    }

    public CompletableFuture<Void> acceptAnswer(String answerSdp) {
        return setRemote(new RTCSessionDescription(RTCSdpType.ANSWER, answerSdp));
    }

    /**
     * Applies the answer and completes once the connection is up, and, when it sends audio, once
     * that audio flows; the engine's audio pushes wait meanwhile (see {@link MediaEngine#withAudioHeld}).
     */
    public CompletableFuture<Void> acceptAnswerAndConnect(String answerSdp, boolean sendsAudio, Duration timeout) {
        if (!sendsAudio) {
            return acceptAnswer(answerSdp).thenCompose(ignored -> connected);
        }
        return engine.withAudioHeld(() -> acceptAnswer(answerSdp)
                .thenCompose(ignored -> connected)
                .thenCompose(ignored -> audioSending(timeout))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Completes when the connection reaches CONNECTED; fails if it fails or closes first. */
    public CompletableFuture<Void> connected() {
        return connected;
    }

    /** The connection's WebRTC statistics (getStats); fails once the connection is closed or closing. */
    public CompletableFuture<RTCStatsReport> stats() {
        CompletableFuture<RTCStatsReport> report = new CompletableFuture<>();
        // A native connection that is closed (or being freed) is not asked for anything.
        if (closed || !alive.readLock().tryLock()) {
            report.completeExceptionally(new IllegalStateException("peer connection " + name + " closed"));
            return report;
        }
        try {
            if (closed) {
                report.completeExceptionally(new IllegalStateException("peer connection " + name + " closed"));
            } else {
                connection.getStats(CallbackThreads.marked(report::complete)::accept);
            }
        } finally {
            alive.readLock().unlock();
        }
        return report;
    }

    /**
     * The UDP port this side sends its media from: the local candidate of the ICE pair in use
     * (nominated). Empty before the connection has one.
     */
    public CompletableFuture<Optional<Integer>> localMediaPort() {
        return stats().thenApply(report -> {
            Map<String, RTCStats> all = report.getStats();
            // The transport's selected pair is the one in use; against an ICE-lite peer libwebrtc
            // does not always mark it nominated, so that flag is only the fallback.
            Stream<RTCStats> selected = all.values().stream()
                    .filter(stats -> stats.getType() == RTCStatsType.TRANSPORT)
                    .map(transport -> all.get(String.valueOf(transport.getAttributes().get("selectedCandidatePairId"))))
                    .filter(Objects::nonNull);
            Stream<RTCStats> nominated = all.values().stream()
                    .filter(stats -> stats.getType() == RTCStatsType.CANDIDATE_PAIR
                            && Boolean.TRUE.equals(stats.getAttributes().get("nominated")));
            return Stream.concat(selected, nominated)
                    .map(pair -> all.get(String.valueOf(pair.getAttributes().get("localCandidateId"))))
                    .filter(Objects::nonNull)
                    .map(candidate -> candidate.getAttributes().get("port"))
                    .filter(port -> port instanceof Number)
                    .map(port -> ((Number) port).intValue())
                    .findFirst();
        });
    }

    public RTCPeerConnection connection() {
        return connection;
    }

    /**
     * Completes once this connection has sent audio packets (outbound-rtp audio packetsSent &gt; 0):
     * by then libwebrtc has started the audio send stream. Fails after {@code timeout}.
     */
    public CompletableFuture<Void> audioSending(Duration timeout) {
        CompletableFuture<Void> sending = new CompletableFuture<>();
        ScheduledFuture<?> poll = engine.every(10, () -> {
            if (closed) {
                sending.completeExceptionally(new IllegalStateException("peer connection " + name + " closed"));
                return;
            }
            stats().thenAccept(report -> {
                boolean sent = report.getStats().values().stream()
                        .filter(stats -> stats.getType() == RTCStatsType.OUTBOUND_RTP)
                        .filter(stats -> MediaKind.AUDIO.wireName().equals(stats.getAttributes().get("kind")))
                        .anyMatch(stats -> stats.getAttributes().get("packetsSent") instanceof Number n && n.longValue() > 0);
                if (sent) {
                    sending.complete(null);
                }
            });
        });
        return sending.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, failure) -> poll.cancel(false));
    }

    private CompletableFuture<Void> setLocal(RTCSessionDescription description) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        connection.setLocalDescription(description, new SetObserver(done, "setLocalDescription"));
        return done;
    }

    private CompletableFuture<Void> setRemote(RTCSessionDescription description) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        connection.setRemoteDescription(description, new SetObserver(done, "setRemoteDescription"));
        return done;
    }

    private CompletableFuture<String> localDescriptionWhenGathered() {
        if (connection.getIceGatheringState() == RTCIceGatheringState.COMPLETE) {
            gathered.complete(null);
        }
        return gathered.thenApply(ignored -> connection.getLocalDescription().sdp);
    }

    /**
     * Removes senders, then closes the connection (disposing a track still attached throws a native
     * error). Called on one of libwebrtc's threads (from a callback or a continuation of one), the
     * closing runs on a thread of its own and this returns at once: a libwebrtc thread must never
     * wait for the close, which itself waits for libwebrtc's signaling thread; {@link #whenClosed}
     * tells when it is done, and the engine waits for it before it is disposed. A later call on a
     * thread of ours waits for a close under way; on a libwebrtc thread it returns at once.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            // A close under way on another thread of ours is waited for. Not on a libwebrtc thread,
            // and not on the closing thread itself: the close's own continuations (a pending
            // publish that fails and drops its connection) come back here.
            if (!CallbackThreads.isCurrent() && closer != Thread.currentThread()) {
                closeDone.join();
            }
            return;
        }
        if (CallbackThreads.isCurrent()) {
            engine.closingElsewhere(closeDone);
            Thread closing = new Thread(this::closeNow, "close-" + name);
            closing.setDaemon(true);
            closing.start();
            return;
        }
        closeNow();
    }

    /** Completes once the connection is closed: its tracks may then be disposed. */
    public CompletableFuture<Void> whenClosed() {
        return closeDone;
    }

    /**
     * Closes, then tells: {@link #whenClosed} first, then the negotiation futures, whose continuations
     * (run on this thread) may close this link again and must find the close done.
     */
    private void closeNow() {
        closer = Thread.currentThread();
        try {
            closeConnection();
        } finally {
            closeDone.complete(null);
            IllegalStateException closedError = new IllegalStateException("peer connection " + name + " closed");
            gathered.completeExceptionally(closedError);
            connected.completeExceptionally(closedError);
        }
    }

    private void closeConnection() {
        alive.writeLock().lock();
        try {
            closed = true;
            for (RTCRtpSender sender : senders) {
                try {
                    connection.removeTrack(sender);
                } catch (RuntimeException e) {
                    log.debug("{}: removeTrack failed while closing", name, e);
                }
            }
            senders.clear();
            connection.close();
        } finally {
            alive.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "PeerLink[" + name + ", " + state + "]";
    }

    private final class Observer implements PeerConnectionObserver {
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            // Candidates travel inside the description once gathering completes.
        }

        @Override
        public void onIceGatheringChange(RTCIceGatheringState gatheringState) {
            if (gatheringState == RTCIceGatheringState.COMPLETE) {
                CallbackThreads.run(() -> gathered.complete(null));
            }
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState newState) {
            CallbackThreads.run(() -> {
                state = newState;
                log.debug("{}: {}", name, newState);
                switch (newState) {
                    case CONNECTED -> connected.complete(null);
                    case FAILED, CLOSED -> connected.completeExceptionally(
                            new IllegalStateException("peer connection " + name + " reached " + newState));
                    default -> { }
                }
                stateListeners.forEach(listener -> listener.accept(newState));
            });
        }

        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            CallbackThreads.run(() -> trackListeners.forEach(listener -> listener.accept(transceiver)));
        }
    }

    private final class CreateObserver implements CreateSessionDescriptionObserver {
        private final CompletableFuture<RTCSessionDescription> result;
        private final String what;

        CreateObserver(CompletableFuture<RTCSessionDescription> result, String what) {
            this.result = result;
            this.what = what;
        }

        @Override
        public void onSuccess(RTCSessionDescription description) {
            CallbackThreads.run(() -> result.complete(description));
        }

        @Override
        public void onFailure(String error) {
            CallbackThreads.run(() -> result.completeExceptionally(
                    new IllegalStateException(name + ": " + what + " failed: " + error)));
        }
    }

    private final class SetObserver implements SetSessionDescriptionObserver {
        private final CompletableFuture<Void> result;
        private final String what;

        SetObserver(CompletableFuture<Void> result, String what) {
            this.result = result;
            this.what = what;
        }

        @Override
        public void onSuccess() {
            CallbackThreads.run(() -> result.complete(null));
        }

        @Override
        public void onFailure(String error) {
            CallbackThreads.run(() -> result.completeExceptionally(
                    new IllegalStateException(name + ": " + what + " failed: " + error)));
        }
    }
}
