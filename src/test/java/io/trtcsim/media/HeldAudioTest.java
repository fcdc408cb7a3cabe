package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * While an engine holds its audio (a connection that sends audio coming up, a track being
 * replaced), pushed audio is dropped, not delayed: a delayed push would be followed by every push
 * its source's fixed-rate pacer missed, in one burst of stale audio that a subscriber then plays
 * up to a second late. Real libwebrtc engines and sources.
 */
class HeldAudioTest {

    private static final byte[] SILENCE = new byte[PushedAudio.CHUNK_SAMPLES * 2];

    @Test
    void aPushWhileTheAudioIsHeldReturnsAtOnceDropped() {
        try (MediaEngine engine = new MediaEngine("held")) {
            CustomAudioSource source = new CustomAudioSource();
            AudioTrack track = engine.createAudioTrack("audio-held", source);
            try {
                AtomicReference<Boolean> pushedWhileHeld = new AtomicReference<>();
                // The push runs on another thread and is awaited inside the hold: a push that
                // waited for the gate would time out here.
                engine.holdingAudio(() -> pushedWhileHeld.set(CompletableFuture
                        .supplyAsync(() -> engine.pushAudio(source, SILENCE, 16, 48_000, 1, 480))
                        .orTimeout(2, TimeUnit.SECONDS).join()));
                assertThat(pushedWhileHeld.get()).as("a push while the audio is held").isFalse();
                assertThat(engine.pushAudio(source, SILENCE, 16, 48_000, 1, 480)).as("a push after the hold").isTrue();
            } finally {
                track.dispose();
                source.dispose();
            }
        }
    }

    @Test
    void aSourceKeepsItsPaceThroughAHoldAndSendsNoBacklogAfterIt() {
        MediaClock clock = new MediaClock();
        try (MediaEngine engine = new MediaEngine("held")) {
            SyntheticAudioSource source = new SyntheticAudioSource("alice", engine, clock);
            AudioTrack track = engine.createAudioTrack("audio-alice", source.source());
            try {
                source.start();
                await("the source's first chunks").atMost(Duration.ofSeconds(5)).until(() -> source.chunksCaptured() >= 5);

                long capturedBefore = source.chunksCaptured();
                engine.holdingAudio(() -> await("30 chunks made (and dropped) while the audio is held, so the pacer"
                        + " was not blocked").atMost(Duration.ofSeconds(5))
                        .until(source::chunksDropped, dropped -> dropped >= 30));
                long droppedInHold = source.chunksDropped();
                assertThat(source.chunksCaptured() - capturedBefore).as("chunks made during the hold")
                        .isGreaterThanOrEqualTo(droppedInHold);

                // After the hold the pacer goes on at its own rate: nothing is dropped and no missed
                // chunk is caught up (those were made, and dropped, on time).
                long capturedAfterHold = source.chunksCaptured();
                long releasedAt = clock.nowMicros();
                await("300 ms after the hold").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                        .until(() -> clock.nowMicros() - releasedAt >= 300_000);
                long madeSince = source.chunksCaptured() - capturedAfterHold;
                long elapsedChunks = (clock.nowMicros() - releasedAt) / 10_000;
                assertThat(source.chunksDropped()).as("chunks dropped after the hold").isEqualTo(droppedInHold);
                assertThat(madeSince).as("chunks made in the %d chunk periods after the hold", elapsedChunks)
                        .isBetween(elapsedChunks - 10, elapsedChunks + 3);
            } finally {
                source.close();
                track.dispose();
            }
        }
    }
}
