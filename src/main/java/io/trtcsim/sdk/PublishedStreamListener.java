package io.trtcsim.sdk;

import dev.onvoid.webrtc.media.MediaStreamTrack;
import io.trtcsim.trtc.MediaKind;
import java.util.concurrent.CompletableFuture;

/** How a published LocalStream tells the Client that publishes it about mutes, profiles and track changes. */
interface PublishedStreamListener {

    void muted(MediaKind kind, boolean muted);

    /** A profile changed what the senders may send: the uplink caps them anew ({@link LocalStream#capSenders}). */
    void profilesChanged();

    /**
     * The stream's track of that kind was replaced by {@code next} (switchDevice, replaceTrack): the
     * uplink's sender carries it from now on, without a renegotiation. Native calls: called with no lock held.
     */
    void trackReplaced(String trackId, MediaStreamTrack next);

    /** The stream's tracks changed; completes when the stack carries the new set. */
    CompletableFuture<Void> tracksChanged();
}
