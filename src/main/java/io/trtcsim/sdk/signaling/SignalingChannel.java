package io.trtcsim.sdk.signaling;

import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.RemoteVideoStreamType;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RtcError;
import io.trtcsim.trtc.StreamType;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One client's signaling connection to a stack: the operations of TRTC's Client, reduced to what
 * crosses the wire. Media stays with the caller's peer connections; SDPs carry all candidates.
 * Futures fail with {@link RtcError} carrying the stack's documented code.
 */
public interface SignalingChannel extends AutoCloseable {

    CompletableFuture<Void> join(JoinRequest request);

    /**
     * Enters the room again after the signaling was lost (a reconnection, not a second login): a
     * stack that still holds the user's old membership may hand it to this channel and say
     * {@link Readmission#RESUMED}; otherwise it admits the user as a newcomer. Either way the stack
     * then announces the room's members and streams to this channel, as to any joiner. A stack that
     * knows nothing of resumption admits afresh: that is the default.
     */
    default CompletableFuture<Readmission> rejoin(JoinRequest request) {
        return join(request).thenApply(ignored -> Readmission.ADMITTED_AFRESH);
    }

    /**
     * A cheap round trip that proves the stack still answers on this channel; the SDK sends one
     * every second while in a room and takes missing replies as lost signaling. Replies come in
     * order with the channel's events, so a reply also means every event sent before it arrived.
     */
    CompletableFuture<Void> heartbeat();

    /** Hands over the uplink's offer for a stream of the given tracks; the stack answers and names the stream. */
    CompletableFuture<PublishAnswer> publish(String offerSdp, Set<MediaKind> tracks);

    /**
     * As {@link #publish(String, Set)}, for a stream of this type (the main stream, or the user's
     * auxiliary, screen-sharing one), with or without a small stream. Stacks that know only plain
     * main streams refuse the others with NOT_SUPPORTED.
     */
    default CompletableFuture<PublishAnswer> publish(String offerSdp, Publication publication) {
        if (publication.isPlain()) {
            return publish(offerSdp, publication.tracks());
        }
        return CompletableFuture.failedFuture(new RtcError(ErrorCode.NOT_SUPPORTED, "this stack cannot publish "
                + (publication.streamType() == StreamType.AUXILIARY ? "an auxiliary (screen-sharing) stream"
                : "a small stream beside the big one")));
    }

    CompletableFuture<Void> unpublish(String streamId);

    /**
     * The published stream gained or lost a track: a new uplink offer for the same stream; the
     * stack answers and tells the others with stream-updated. Stacks that cannot refuse it.
     */
    default CompletableFuture<PublishAnswer> republish(String offerSdp, Set<MediaKind> tracks) {
        return CompletableFuture.failedFuture(new RtcError(ErrorCode.NOT_SUPPORTED,
                "this stack cannot update a published stream"));
    }

    /** Asks for a downlink of a stream; the stack offers, the caller answers with {@link #completeSubscription}. */
    CompletableFuture<String> subscribe(String streamId);

    /** As {@link #subscribe(String)}, receiving the chosen video layer of a dual stream; stacks without small streams refuse 'small'. */
    default CompletableFuture<String> subscribe(String streamId, RemoteVideoStreamType layer) {
        if (layer == RemoteVideoStreamType.BIG) {
            return subscribe(streamId);
        }
        return CompletableFuture.failedFuture(new RtcError(ErrorCode.NOT_SUPPORTED, "this stack has no small streams"));
    }

    CompletableFuture<Void> completeSubscription(String streamId, String answerSdp);

    CompletableFuture<Void> unsubscribe(String streamId);

    /** TRTC's switchRole, for 'live' mode. */
    CompletableFuture<Void> switchRole(Role role);

    /** Tells the stack that the published stream's track of this kind was muted or unmuted. */
    CompletableFuture<Void> mute(MediaKind kind, boolean muted);

    CompletableFuture<Void> leave();

    /** Closes the connection at once, without leaving: the stack sees a disconnect. */
    @Override
    void close();
}
