package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes the sample WAV through real libwebrtc. No sink: a sink on a local audio track can abort
 * libwebrtc, so only the pushing side is checked here.
 */
class FileAudioSourceTest {

    private static final Path SAMPLE = Path.of("media-samples", MediaSampleGenerator.AUDIO_FILE);
    private static final Duration CHUNKS_PUSHED = Duration.ofSeconds(10);
    private static final Duration QUIET_AFTER_CLOSE = Duration.ofMillis(200);

    @TempDir
    Path folder;

    @Test
    void pushesTenMillisecondChunksAndStopsOnClose() {
        try (MediaEngine engine = new MediaEngine("test")) {
            FileAudioSource source = new FileAudioSource("alice", SAMPLE, engine, new MediaClock());
            AudioTrack track = engine.createAudioTrack("audio-alice", source.source());
            try {
                assertThat(source.loopSamples()).isEqualTo(96_000);
                source.start();

                await("30 chunks of the file pushed").atMost(CHUNKS_PUSHED)
                        .until(() -> source.chunksCaptured() >= 30);

                source.setPaused(true);
                long pausedAt = source.chunksCaptured();
                await("silence pushed while paused").atMost(CHUNKS_PUSHED)
                        .until(() -> source.chunksCaptured() >= pausedAt + 10);
                source.setPaused(false);

                source.close();
                long closedAt = source.chunksCaptured();
                await("nothing pushed after close").during(QUIET_AFTER_CLOSE).atMost(QUIET_AFTER_CLOSE.multipliedBy(3))
                        .until(() -> source.chunksCaptured() == closedAt);
                source.close();
            } finally {
                source.close();
                track.dispose();
            }
        }
    }

    @Test
    void loopsAFileShorterThanAChunk() throws IOException {
        Path blip = folder.resolve("blip.wav");
        WavWriter.write(blip, 8_000, 2, new short[] {100, 300, -100, -300, 50, 50});

        try (MediaEngine engine = new MediaEngine("test")) {
            FileAudioSource source = new FileAudioSource("bob", blip, engine);
            AudioTrack track = engine.createAudioTrack("audio-bob", source.source());
            try {
                assertThat(source.loopSamples()).isEqualTo(18);
                source.start();

                await("chunks of a 3-sample file pushed").atMost(CHUNKS_PUSHED)
                        .until(() -> source.chunksCaptured() >= 5);
            } finally {
                source.close();
                track.dispose();
            }
        }
    }

    @Test
    void refusesABadFileBeforeTouchingLibwebrtc() throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.wav"), "not audio");

        assertThatThrownBy(() -> new FileAudioSource("carol", bad, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("is not a RIFF/WAVE file");
    }
}
