package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plays the sample clip through real libwebrtc and reads the frames back from a local sink. */
class FileVideoSourceTest {

    private static final Path SAMPLE = Path.of("media-samples", MediaSampleGenerator.VIDEO_FILE);
    private static final Duration FRAMES_ARRIVE = Duration.ofSeconds(10);
    private static final Duration STAYS_PAUSED = Duration.ofMillis(300);

    @TempDir
    Path folder;

    @Test
    void rendersTheFileLoopedWithMarkersAtItsResolution() {
        MediaClock clock = new MediaClock();
        Y4mReader clip = Y4mReader.read(SAMPLE);
        int band = new FrameMarkerCodec().bandHeight(clip.width());
        VideoRenderSink renderer = new VideoRenderSink("local", clock);
        PictureCheck pictures = new PictureCheck(renderer, clip, band);

        try (MediaEngine engine = new MediaEngine("test")) {
            FileVideoSource source = new FileVideoSource("alice", SAMPLE, clock);
            VideoTrack track = engine.createVideoTrack("video-alice", source.source());
            try {
                // Before start: adding a sink while frames flow aborts libwebrtc.
                track.addSink(pictures);
                source.start();

                await("10 marked frames of the file rendered locally").atMost(FRAMES_ARRIVE).untilAsserted(() ->
                        assertThat(renderer.frames().stream().filter(RenderedFrame::hasMarker).count())
                                .isGreaterThanOrEqualTo(10));

                List<RenderedFrame> frames = renderer.frames();
                assertThat(renderer.framesWithoutMarker()).isZero();
                assertThat(frames).allSatisfy(frame -> {
                    assertThat(frame.width()).isEqualTo(176);
                    assertThat(frame.height()).isEqualTo(144);
                    assertThat(frame.latencyMicros()).isBetween(0L, 1_000_000L);
                });
                assertThat(frames).extracting(RenderedFrame::sequence).first().isEqualTo(0L);
                assertThat(frames).extracting(RenderedFrame::sequence).isSorted().doesNotHaveDuplicates();
                assertThat(source.framesCaptured()).isGreaterThanOrEqualTo(10);
                // Below the marker band every rendered picture is the file's frame, untouched.
                assertThat(pictures.compared.get()).isGreaterThanOrEqualTo(10);
                assertThat(pictures.mismatches).isEmpty();

                source.setPaused(true);
                long pausedAt = source.framesCaptured();
                await("the paused source pushes nothing").during(STAYS_PAUSED).atMost(STAYS_PAUSED.multipliedBy(3))
                        .until(() -> source.framesCaptured() <= pausedAt + 1);
            } finally {
                source.close();
                track.removeSink(pictures);
                track.dispose();
            }
        }
    }

    @Test
    void loopsAtTheFilesFrameRate() {
        // 2 frames at 50 fps loop every 40 ms: within a second the clip has played many times.
        Y4mReader clip = Y4mReader.read(SAMPLE);
        Path shortClip = folder.resolve("two-frames.y4m");
        Y4mWriter.write(shortClip, 176, 144, 50, 1, List.of(clip.frame(0), clip.frame(1)));

        try (MediaEngine engine = new MediaEngine("test")) {
            FileVideoSource source = new FileVideoSource("bob", shortClip, new MediaClock());
            VideoTrack track = engine.createVideoTrack("video-bob", source.source());
            try {
                assertThat(source.frameRate()).isEqualTo(50.0);
                assertThat(source.frameCount()).isEqualTo(2);
                long started = System.nanoTime();
                source.start();

                await("the 2-frame clip looped 10 times").atMost(FRAMES_ARRIVE)
                        .until(() -> source.framesCaptured() >= 20);

                // 20 frames at 50 fps take 380 ms; at the default profile's 15 fps they would take 1267 ms.
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .isBetween(Duration.ofMillis(300), Duration.ofMillis(1000));
            } finally {
                source.close();
                track.dispose();
            }
        }
    }

    @Test
    void refusesAClipTooNarrowForTheMarker() {
        Path narrow = folder.resolve("narrow.y4m");
        Y4mWriter.write(narrow, 96, 64, 15, 1, List.of(new byte[96 * 64 * 3 / 2]));

        assertThatThrownBy(() -> new FileVideoSource("carol", narrow, new MediaClock()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(narrow.toString())
                .hasMessageContaining("96x64, too narrow for the frame marker");
    }

    /**
     * Compares each picture below the marker band with the file's frame of that sequence, then hands
     * the frame on to the renderer (which releases it). Runs on libwebrtc's thread.
     */
    private static final class PictureCheck implements VideoTrackSink {
        private final VideoRenderSink renderer;
        private final Y4mReader clip;
        private final int band;
        private final FrameMarkerCodec markers = new FrameMarkerCodec();
        final AtomicLong compared = new AtomicLong();
        final ConcurrentMap<Long, String> mismatches = new ConcurrentHashMap<>();

        PictureCheck(VideoRenderSink renderer, Y4mReader clip, int band) {
            this.renderer = renderer;
            this.clip = clip;
            this.band = band;
        }

        @Override
        public void onVideoFrame(VideoFrame frame) {
            I420Buffer buffer = frame.buffer.toI420();
            int width = buffer.getWidth();
            int height = buffer.getHeight();
            markers.decode(buffer.getDataY(), buffer.getStrideY(), width, height)
                    .ifPresent(marker -> {
                        byte[] expected = clip.frame((int) (marker.sequence() % clip.frameCount()));
                        for (int row = band; row < height; row++) {
                            byte[] actual = new byte[width];
                            buffer.getDataY().get(row * buffer.getStrideY(), actual);
                            byte[] wanted = Arrays.copyOfRange(expected, row * width, row * width + width);
                            if (!Arrays.equals(actual, wanted)) {
                                mismatches.put(marker.sequence(), "luma row " + row + " differs");
                                break;
                            }
                        }
                        compared.incrementAndGet();
                    });
            renderer.onVideoFrame(frame);
        }
    }
}
