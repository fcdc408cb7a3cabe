package io.trtcsim.sdk;

import io.trtcsim.trtc.MediaKind;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** How a published LocalStream tells the Client that publishes it about mutes, profiles and track changes. */
interface PublishedStreamListener {

    void muted(MediaKind kind, boolean muted);

    /** A profile changed what the sender of this kind may send (empty: no cap). */
    void bitrateChanged(MediaKind kind, OptionalInt kbps);

    /** The stream's tracks changed; completes when the stack carries the new set. */
    CompletableFuture<Void> tracksChanged();
}
