package io.trtcsim.sdk;

import io.trtcsim.trtc.MediaKind;
import java.util.concurrent.CompletableFuture;

/** How a published LocalStream tells the Client that publishes it about mutes, profiles and track changes. */
interface PublishedStreamListener {

    void muted(MediaKind kind, boolean muted);

    /** A profile changed what the senders may send: the uplink caps them anew ({@link LocalStream#capSenders}). */
    void profilesChanged();

    /** The stream's tracks changed; completes when the stack carries the new set. */
    CompletableFuture<Void> tracksChanged();
}
