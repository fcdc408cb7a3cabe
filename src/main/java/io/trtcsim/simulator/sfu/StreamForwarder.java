package io.trtcsim.simulator.sfu;

import io.trtcsim.simulator.sfu.netem.ParticipantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One published stream's forwarding: its uplink (replaced when the publisher adds or removes a
 * track) and a downlink per subscriber, each a link of its own. The uplink's receive thread hands
 * every packet to every connected downlink that takes its kind. No lock is held while sending.
 */
public final class StreamForwarder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamForwarder.class);

    private final MediaPlane plane;
    private final String streamId;
    private final ParticipantId publisher;
    private final Map<String, Downlink> downlinks = new ConcurrentHashMap<>();
    private volatile Uplink uplink;
    private volatile Consumer<String> uplinkLost = reason -> { };
    private volatile boolean closed;

    StreamForwarder(MediaPlane plane, String streamId, ParticipantId publisher) {
        this.plane = plane;
        this.streamId = streamId;
        this.publisher = publisher;
    }

    MediaPlane plane() {
        return plane;
    }

    public String streamId() {
        return streamId;
    }

    /**
     * Answers the publisher's offer with a new uplink (replacing an earlier one); the answer is
     * final, as the plane gathers nothing.
     *
     * @throws SdpException when the offer cannot be served; nothing is left open then
     */
    public String acceptUplinkOffer(String offerSdp, Set<SdpMediaType> kinds) {
        return acceptUplinkOffer(offerSdp, kinds, false);
    }

    /**
     * As {@link #acceptUplinkOffer(String, Set)}; with {@code withSmallStream} the offer's second
     * video section is the publisher's small stream (TRTC's dual stream), which a subscriber may
     * ask for instead of the first.
     */
    public String acceptUplinkOffer(String offerSdp, Set<SdpMediaType> kinds, boolean withSmallStream) {
        MediaTransport transport = new MediaTransport(plane, "uplink-" + streamId, publisher, null);
        Negotiation.UplinkAnswer answer;
        try {
            answer = Negotiation.answerUplink(offerSdp, transport.localEndpoint(), kinds);
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
        Uplink replacement = new Uplink(transport, answer.tracks(), withSmallStream, this, ownSsrc());
        Uplink previous = uplink;
        uplink = replacement;
        transport.start(answer.remote(), replacement);
        transport.failed().thenAccept(reason -> {
            if (uplink == replacement && !closed) {
                uplinkLost.accept(reason);
            }
        });
        if (previous != null) {
            retire(previous.view());
            previous.transport().close();
        }
        return answer.sdp();
    }

    private long ownSsrc() {
        long ssrc;
        do {
            ssrc = plane.random().nextInt() & 0xFFFFFFFFL;
        } while (ssrc == 0);
        return ssrc;
    }

    /** The current uplink's DTLS completion (after an update, the new one's). */
    public CompletableFuture<Void> uplinkConnected() {
        Uplink current = uplink;
        return current == null ? CompletableFuture.failedFuture(new IllegalStateException(streamId + " has no uplink"))
                : current.transport().connected();
    }

    /** Called once with the reason when a connected uplink is lost (consent expired, DTLS closed). */
    public void onUplinkLost(Consumer<String> listener) {
        uplinkLost = listener;
    }

    /** Whether the current uplink carries a small stream beside the big one. */
    public boolean hasSmallStream() {
        Uplink current = uplink;
        return current != null && current.hasSmallStream();
    }

    /** A new downlink for a subscriber (replacing an earlier one) carrying the big video: the plane's offer. */
    public String openDownlink(String subscriberId) {
        return openDownlink(subscriberId, VideoLayer.BIG);
    }

    /**
     * A new downlink for a subscriber (replacing an earlier one) with the stream's audio and the
     * chosen video layer: the plane's offer.
     *
     * @throws IllegalArgumentException when the small layer is asked of a stream without one
     */
    public String openDownlink(String subscriberId, VideoLayer layer) {
        Uplink current = uplink;
        if (current == null || closed) {
            throw new IllegalStateException(streamId + " is not being published");
        }
        closeDownlink(subscriberId);
        // Subscribers are of the publisher's application: rooms belong to one.
        ParticipantId subscriber = new ParticipantId(publisher.sdkAppId(), subscriberId);
        MediaTransport transport = new MediaTransport(plane, "downlink-" + streamId + "-to-" + subscriberId, subscriber,
                plane.network().streamLoss(subscriber, streamId));
        List<ForwardedTrack> offered = current.tracksFor(layer);
        Downlink downlink = new Downlink(subscriberId, transport, this, offered);
        downlinks.put(subscriberId, downlink);
        return Negotiation.offerDownlink(offered, transport.localEndpoint(), streamId);
    }

    /**
     * Takes the subscriber's answer and completes when its downlink is up (DTLS done); a key frame
     * is then asked of the publisher so the subscriber's first frame does not wait for one.
     */
    public CompletableFuture<Void> acceptDownlinkAnswer(String subscriberId, String answerSdp) {
        Downlink downlink = downlinks.get(subscriberId);
        Uplink current = uplink;
        if (downlink == null || current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(subscriberId + " has no pending subscription to " + streamId));
        }
        Negotiation.DownlinkAnswer answer = Negotiation.readDownlinkAnswer(answerSdp, downlink.offered());
        downlink.receivedKinds(answer.receivedKinds());
        downlink.transport().start(answer.remote(), downlink);
        return downlink.transport().connected().thenRun(() -> requestKeyFrame(downlink));
    }

    public void closeDownlink(String subscriberId) {
        Downlink downlink = downlinks.remove(subscriberId);
        if (downlink != null) {
            retire(downlink.view());
            downlink.transport().close();
        }
    }

    public int downlinkCount() {
        return downlinks.size();
    }

    void forward(ForwardedTrack track, byte[] packet, RtpHeader header) {
        for (Downlink downlink : downlinks.values()) {
            downlink.forward(track, packet);
        }
    }

    void forwardSenderReport(ForwardedTrack track, byte[] compound) {
        for (Downlink downlink : downlinks.values()) {
            downlink.forwardRtcp(track, compound);
        }
    }

    void requestKeyFrame() {
        Uplink current = uplink;
        if (current != null) {
            current.requestKeyFrame();
        }
    }

    /** A key frame of the video a downlink carries (its layer of a dual stream). */
    void requestKeyFrame(Downlink downlink) {
        Uplink current = uplink;
        if (current != null) {
            downlink.offered().stream().filter(track -> track.kind() == SdpMediaType.VIDEO)
                    .forEach(track -> current.requestKeyFrame(track.ssrc()));
        }
    }

    Optional<byte[]> cached(long ssrc, int sequence) {
        Uplink current = uplink;
        return current == null ? Optional.empty() : current.cached(ssrc, sequence);
    }

    void periodic(long nowNanos) {
        Uplink current = uplink;
        if (current != null) {
            current.transport().checkConsent(nowNanos);
            current.report(nowNanos);
        }
        for (Downlink downlink : downlinks.values()) {
            downlink.transport().checkConsent(nowNanos);
        }
    }

    void retryNacks(long nowNanos) {
        Uplink current = uplink;
        if (current != null && current.transport().isConnected()) {
            current.retryNacks(nowNanos);
            current.sendTransportFeedback();
        }
    }

    List<Map<String, Object>> links() {
        List<Map<String, Object>> links = new ArrayList<>();
        Uplink current = uplink;
        if (current != null) {
            Map<String, Object> view = current.view();
            view.put("stream", streamId);
            links.add(view);
        }
        for (Downlink downlink : downlinks.values()) {
            Map<String, Object> view = downlink.view();
            view.put("stream", streamId);
            links.add(view);
        }
        return links;
    }

    private void retire(Map<String, Object> view) {
        view.put("stream", streamId);
        plane.retire(view);
    }

    /** Downlinks first, then the uplink. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        downlinks.keySet().forEach(this::closeDownlink);
        Uplink current = uplink;
        if (current != null) {
            retire(current.view());
            current.transport().close();
        }
        plane.forget(this);
        log.debug("forwarder of {} closed", streamId);
    }

    @Override
    public String toString() {
        return "forwarder of " + streamId;
    }
}
