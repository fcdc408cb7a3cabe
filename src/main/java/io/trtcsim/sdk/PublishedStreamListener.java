package io.trtcsim.sdk;

import io.trtcsim.trtc.MediaKind;
import java.util.concurrent.CompletableFuture;

/** How a published LocalStream tells the Client that publishes it about mutes and track changes. */
interface PublishedStreamListener {

    void muted(MediaKind kind, boolean muted);

    /** The stream's tracks changed; completes when the stack carries the new set. */
    CompletableFuture<Void> tracksChanged();
}
