package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onvoid.webrtc.media.video.VideoTrack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Engines kept for reuse, on real engines and real connections. */
class MediaEnginePoolTest {

    private final MediaEnginePool pool = new MediaEnginePool("pool-test", 2);

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void aGivenBackEngineServesTheNextUserAndItsConnectionsComeUpAgain() {
        MediaEngine first;
        try (EngineLease lease = pool.take("alice")) {
            first = lease.engine();
            videoCall(first);
        }
        for (String user : new String[] {"bob", "carol"}) {
            try (EngineLease lease = pool.take(user)) {
                assertThat(lease.engine()).as("the engine kept from the last user").isSameAs(first);
                videoCall(lease.engine());
            }
        }
        assertThat(pool.counts()).isEqualTo(new MediaEnginePool.Counts(1, 2, 0, 1, 0));
    }

    @Test
    void nativeThreadsStayFlatOverCallsOnAKeptEngine() throws IOException {
        try (EngineLease lease = pool.take("warm-up")) {
            videoCall(lease.engine());
        }
        long before = nativeThreads();
        for (int call = 0; call < 6; call++) {
            try (EngineLease lease = pool.take("caller-" + call)) {
                videoCall(lease.engine());
            }
        }
        // Disposed after each call, an engine left two threads behind (webrtc-java 0.14.0): 12 here.
        assertThat(nativeThreads()).as("native threads after 6 calls on a kept engine (before: %d)", before)
                .isLessThanOrEqualTo(before + 3);
    }

    @Test
    void theLastUsersTimerTasksAreCancelledWhenTheEngineIsGivenBack() {
        ScheduledFuture<?> task;
        try (EngineLease lease = pool.take("alice")) {
            task = lease.engine().every(10, () -> { });
        }
        assertThat(task.isCancelled()).as("alice's periodic task after she gave the engine back").isTrue();
    }

    @Test
    void beyondTheIdleLimitAGivenBackEngineIsDisposed() {
        EngineLease a = pool.take("a");
        EngineLease b = pool.take("b");
        EngineLease c = pool.take("c");
        a.close();
        b.close();
        c.close();
        assertThat(pool.counts()).isEqualTo(new MediaEnginePool.Counts(3, 0, 0, 2, 0));
    }

    @Test
    void aClosedPoolRefusesNamingTheUserAndDisposesWhatIsGivenBackLater() {
        EngineLease lease = pool.take("alice");
        pool.close();
        lease.close();
        assertThat(pool.counts().idle()).isZero();
        assertThatThrownBy(() -> pool.take("bob")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pool-test").hasMessageContaining("bob");
    }

    @Test
    void aPoolKeepsAtLeastOneEngine() {
        assertThatThrownBy(() -> new MediaEnginePool("empty", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 0");
    }

    /** A sender and a receiver on one engine, connected over ICE with a synthetic camera, then closed. */
    private static void videoCall(MediaEngine engine) {
        SyntheticVideoSource camera = new SyntheticVideoSource("pool-test", VideoProfile.DEFAULT, MediaClock.system());
        VideoTrack track = engine.createVideoTrack("video-pool-test", camera.source());
        camera.start();
        PeerLink sender = engine.createPeerLink("pool-test sender");
        PeerLink receiver = engine.createPeerLink("pool-test receiver");
        try {
            sender.addTrack(track, "video-pool-test");
            sender.createOffer()
                    .thenCompose(receiver::acceptOffer)
                    .thenCompose(answer -> sender.acceptAnswerAndConnect(answer, false, Duration.ofSeconds(10)))
                    .orTimeout(20, TimeUnit.SECONDS)
                    .join();
        } finally {
            receiver.close();
            sender.close();
            camera.close();
            track.dispose();
        }
    }

    private static long nativeThreads() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("Threads:"))
                .mapToLong(line -> Long.parseLong(line.substring("Threads:".length()).strip())).findFirst().orElseThrow();
    }
}
