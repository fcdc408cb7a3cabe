package io.trtcsim.sdk;

import static io.trtcsim.sdk.SignalingFutures.asRtcError;
import static io.trtcsim.sdk.SignalingFutures.failed;
import static io.trtcsim.sdk.SignalingFutures.within;

import dev.onvoid.webrtc.media.MediaStreamTrack;
import io.trtcsim.media.MediaEngine;
import io.trtcsim.media.PeerLink;
import io.trtcsim.sdk.signaling.Publication;
import io.trtcsim.sdk.signaling.Readmission;
import io.trtcsim.sdk.signaling.SignalingChannel;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.RtcError;
import io.trtcsim.trtc.StreamType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client sends: the peer connection of its published LocalStream, the id the stack gave
 * that stream, and the mutes it reports. Negotiations complete on libwebrtc's threads, so every
 * field is volatile or concurrent and no lock is held around a call into libwebrtc.
 */
final class Uplink {

    private static final Logger log = LoggerFactory.getLogger(Uplink.class);

    private final String userId;
    private final Supplier<MediaEngine> engine;
    private final SdkOptions options;
    private final Supplier<SignalingChannel> session;
    /** Every connection made and not yet closed, one being negotiated to replace the current included. */
    private final Set<PeerLink> open = ConcurrentHashMap.newKeySet();
    private volatile PeerLink link;
    private volatile boolean smallStream;
    private volatile SmallStreamProfile smallStreamProfile = SmallStreamProfile.DEFAULT;
    private volatile LocalStream published;
    private volatile String streamId;
    private volatile long startedMicros = -1;

    /** @param session the client's signaling channel now, or null when it has none */
    Uplink(String userId, Supplier<MediaEngine> engine, SdkOptions options, Supplier<SignalingChannel> session) {
        this.userId = userId;
        this.engine = engine;
        this.options = options;
        this.session = session;
    }

    /** The published stream's connection. */
    Optional<PeerLink> link() {
        return Optional.ofNullable(link);
    }

    /** Every connection open now, for the statistics recording. */
    List<PeerLink> links() {
        return List.copyOf(open);
    }

    boolean sendsAudio() {
        LocalStream stream = published;
        return link != null && stream != null && stream.hasAudio();
    }

    /** When the last publish began (media clock, µs), or -1. */
    long startedMicros() {
        return startedMicros;
    }

    CompletableFuture<Void> publish(SignalingChannel channel, LocalStream stream) {
        if (!stream.isInitialized()) {
            return failed(ErrorCode.INVALID_OPERATION, "the local stream of " + userId + " is not initialized");
        }
        if (link != null) {
            return failed(ErrorCode.INVALID_OPERATION, userId + " already publishes a stream");
        }
        PeerLink created;
        try {
            created = openLink(userId + " uplink");
        } catch (RtcError e) {
            // A TRTC made without media, or closed.
            return CompletableFuture.failedFuture(e);
        }
        startedMicros = options.clock().nowMicros();
        link = created;
        published = stream;
        // A dual stream: the small capture starts before the tracks go onto the uplink (main streams only).
        boolean withSmall = smallStream && stream.streamType() == StreamType.MAIN
                && stream.startSmallVideo(smallStreamProfile);
        stream.sendOn(created);
        Publication publication = new Publication(stream.tracks(), stream.streamType(), withSmall);
        CompletableFuture<Void> negotiated = created.createOffer()
                .thenCompose(offer -> channel.publish(offer, publication))
                .thenCompose(answer -> {
                    // The stack names the stream (the simulator "alice_main", Janus its feed id).
                    streamId = answer.streamId();
                    return created.acceptAnswerAndConnect(answer.answerSdp(), stream.hasAudio(), options.mediaTimeout());
                });
        return within(negotiated, options.mediaTimeout(), "publish (uplink connected)")
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        drop(created);
                    } else {
                        listenTo(stream);
                    }
                })
                .exceptionally(failure -> {
                    throw asRtcError(failure, ErrorCode.ICE_TRANSPORT_ERROR, "publish failed");
                });
    }

    private void listenTo(LocalStream stream) {
        stream.publishedBy(new PublishedStreamListener() {
            @Override
            public void muted(MediaKind kind, boolean muted) {
                reportMute(kind, muted);
            }

            @Override
            public void profilesChanged() {
                PeerLink current = link;
                if (current != null) {
                    stream.capSenders(current);
                }
            }

            @Override
            public void trackReplaced(String trackId, MediaStreamTrack next) {
                PeerLink current = link;
                if (current != null) {
                    current.replaceTrack(trackId, next);
                    stream.capSenders(current);
                }
            }

            @Override
            public CompletableFuture<Void> tracksChanged() {
                return republish(stream);
            }
        });
        capAsProfiled(stream, link);
        // Tracks muted before publishing are announced as muted.
        if (stream.isAudioMuted()) {
            reportMute(MediaKind.AUDIO, true);
        }
        if (stream.isVideoMuted()) {
            reportMute(MediaKind.VIDEO, true);
        }
    }

    /** A new uplink sends at most what the stream's profiles allow. */
    private static void capAsProfiled(LocalStream stream, PeerLink uplink) {
        if (uplink != null) {
            stream.capSenders(uplink);
        }
    }

    /** enableSmallStream / disableSmallStream: taken before publish(), as v4 documents. */
    CompletableFuture<Void> setSmallStream(boolean enabled) {
        if (link != null) {
            return failed(ErrorCode.INVALID_OPERATION, (enabled ? "enableSmallStream" : "disableSmallStream")
                    + " must come before publish(); " + userId + " publishes now");
        }
        smallStream = enabled;
        return CompletableFuture.completedFuture(null);
    }

    /** setSmallStreamProfile: what the next publish's small stream is sent at. */
    void setSmallStreamProfile(SmallStreamProfile profile) {
        smallStreamProfile = profile;
    }

    /**
     * The published stream gained or lost a track: a new uplink carries its new set of tracks and
     * replaces the old one once connected (the stack tells the others with stream-updated).
     */
    private CompletableFuture<Void> republish(LocalStream stream) {
        SignalingChannel channel = session.get();
        PeerLink previous = link;
        if (channel == null || previous == null || published != stream) {
            return CompletableFuture.completedFuture(null);
        }
        PeerLink created = openLink(userId + " uplink (updated)");
        stream.sendOn(created);
        CompletableFuture<Void> negotiated = created.createOffer()
                .thenCompose(offer -> channel.republish(offer, stream.tracks()))
                .thenCompose(answer -> created.acceptAnswerAndConnect(answer.answerSdp(), stream.hasAudio(),
                        options.mediaTimeout()));
        return within(negotiated, options.mediaTimeout(), "update the published stream")
                .handle((ok, failure) -> {
                    if (failure == null) {
                        link = created;
                        capAsProfiled(stream, created);
                    }
                    PeerLink retired = failure == null ? previous : created;
                    close(retired);
                    // The caller disposes the tracks the stream dropped next (removeTrack): the retired
                    // connection lets go of them first, also when it closes on a thread of its own.
                    return retired.whenClosed().handle((closed, closeFailure) -> failure);
                })
                .thenCompose(Function.identity())
                .thenCompose(failure -> failure == null ? CompletableFuture.<Void>completedFuture(null)
                        : CompletableFuture.<Void>failedFuture(asRtcError(failure, ErrorCode.ICE_TRANSPORT_ERROR,
                        "updating the published stream failed")));
    }

    /**
     * Back in the room after lost signaling, on {@code channel}. Admitted afresh, the stack has
     * dropped the uplink: the stream is published again on a new connection (the stack names it as
     * before, {@code <userId>_main} on the simulator). Resumed, the uplink stays, unless its
     * connection failed: then a new one replaces it as when the stream's tracks change.
     */
    CompletableFuture<Void> restore(SignalingChannel channel, Readmission readmission) {
        PeerLink current = link;
        LocalStream stream = published;
        if (current == null || stream == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (readmission == Readmission.RESUMED) {
            return PeerLinks.isBroken(current) ? republish(stream) : CompletableFuture.completedFuture(null);
        }
        drop(current);
        return publish(channel, stream);
    }

    /** @param channel the client's signaling channel, or null when it has none */
    CompletableFuture<Void> unpublish(SignalingChannel channel, LocalStream stream) {
        PeerLink current = link;
        if (channel == null || current == null || published != stream) {
            return failed(ErrorCode.INVALID_OPERATION, "the stream of " + userId + " is not published");
        }
        return within(channel.unpublish(streamId), options.signalingTimeout(), "unpublish")
                .whenComplete((ok, failure) -> drop(current));
    }

    /** Stops sending, without telling the stack (it learns from the room being left, or already knows). */
    void drop() {
        PeerLink current = link;
        if (current != null) {
            drop(current);
        }
    }

    private void drop(PeerLink dropped) {
        LocalStream ended = null;
        if (link == dropped) {
            LocalStream stream = published;
            if (stream != null) {
                stream.publishedBy(null);
            }
            ended = stream;
            link = null;
            published = null;
        }
        close(dropped);
        if (ended != null) {
            // Its track is off the closed uplink now, so it can go.
            ended.stopSmallVideo();
        }
    }

    private PeerLink openLink(String name) {
        PeerLink created = engine.get().createPeerLink(name);
        open.add(created);
        return created;
    }

    private void close(PeerLink closed) {
        open.remove(closed);
        closed.close();
    }

    private void reportMute(MediaKind kind, boolean muted) {
        SignalingChannel channel = session.get();
        if (channel != null) {
            channel.mute(kind, muted).whenComplete((ok, failure) -> {
                if (failure != null) {
                    log.warn("{}: could not report {} {}: {}", userId, muted ? "muting" : "unmuting", kind,
                            failure.getMessage());
                }
            });
        }
    }
}
