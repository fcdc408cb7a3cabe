package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.onvoid.webrtc.media.video.VideoTrack;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deadlock pattern of issue 15, on real connections: a thread of ours inside a native call
 * that waits for libwebrtc's signaling thread while holding a lock, and that signaling thread, in a
 * callback of ours, wanting the same lock. Here: a poller asking a connection for its statistics
 * over and over while a stats callback closes the connection. With getStats under the connection's
 * monitor and close() taking it, this hung (the test timed out); now a stats call holds no lock a
 * callback waits for, and a close from a callback runs on a thread of its own.
 */
class PeerLinkCloseTest {

    private MediaEngine engine;
    private SyntheticVideoSource camera;
    private VideoTrack track;
    private PeerLink sender;
    private PeerLink receiver;

    @BeforeEach
    void connect() {
        engine = new MediaEngine("close-test");
        camera = new SyntheticVideoSource("close-test", VideoProfile.DEFAULT, MediaClock.system());
        track = engine.createVideoTrack("video-close-test", camera.source());
        camera.start();
        sender = engine.createPeerLink("close-test sender");
        sender.addTrack(track, "video-close-test");
        receiver = engine.createPeerLink("close-test receiver");
        sender.createOffer()
                .thenCompose(receiver::acceptOffer)
                .thenCompose(answer -> sender.acceptAnswerAndConnect(answer, false, Duration.ofSeconds(10)))
                .orTimeout(20, TimeUnit.SECONDS)
                .join();
    }

    @AfterEach
    void release() {
        receiver.close();
        sender.close();
        camera.close();
        track.dispose();
        engine.close();
    }

    @Test
    void aStatsCallbackThatClosesTheConnectionWhileAnotherThreadPollsItDoesNotDeadlock() {
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            while (polling.get()) {
                sender.stats().exceptionally(failure -> null);
            }
        }, "stats-poller");
        poller.setDaemon(true);
        poller.start();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                CompletableFuture<Void> closedFromCallback = sender.stats().thenRun(sender::close);
                closedFromCallback.get(10, TimeUnit.SECONDS);
                Awaitility.await("the connection closed by the stats callback refusing statistics")
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> sender.stats().isCompletedExceptionally());
            }, "a connection closed from its stats callback while polled hung (the deadlock pattern)");
        } finally {
            polling.set(false);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> poller.join(), "the poller did not end");
        assertThat(sender.stats()).isCompletedExceptionally();
    }

    @Test
    void aCloseThatItsOwnContinuationsCloseAgainReturns() {
        // As a publish still under way does: its failure (the close fails 'connected') drops, and so
        // closes, the same connection, on the closing thread itself.
        PeerLink pending = engine.createPeerLink("close-test pending");
        pending.connected().whenComplete((ok, failure) -> pending.close());
        assertTimeoutPreemptively(Duration.ofSeconds(10), pending::close,
                "a close re-entered from its own continuation waited for itself");
        assertThat(pending.whenClosed()).isCompleted();
    }

    @Test
    void aCloseFromAStateCallbackDuringCloseReturns() {
        sender.onStateChange(state -> {
            sender.stats();
            sender.close();
        });
        assertTimeoutPreemptively(Duration.ofSeconds(10), sender::close,
                "closing a connection whose state callback closes it again hung");
    }
}
