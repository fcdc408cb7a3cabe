package io.trtcsim.media;

import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Stream.play(elementId) renders into: counts frames, reads each frame's marker and keeps
 * arrival times. Called on libwebrtc's decoder thread, so its state is concurrent.
 */
public final class VideoRenderSink implements VideoTrackSink {

    private final String elementId;
    private final MediaClock clock;
    private final FrameMarkerCodec markers = new FrameMarkerCodec();
    private final ConcurrentLinkedQueue<RenderedFrame> frames = new ConcurrentLinkedQueue<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong unmarked = new AtomicLong();
    private volatile RenderedFrame last;
    private volatile FrameImage firstImage;
    private volatile FrameImage lastImage;
    private final AtomicLong sinceSnapshot = new AtomicLong();

    public VideoRenderSink(String elementId, MediaClock clock) {
        this.elementId = elementId;
        this.clock = clock;
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        try {
            long now = clock.nowMicros();
            I420Buffer buffer = frame.buffer.toI420();
            int width = buffer.getWidth();
            int height = buffer.getHeight();
            Optional<FrameMarker> marker = markers.decode(buffer.getDataY(), buffer.getStrideY(), width, height, now);
            RenderedFrame rendered = marker
                    .map(m -> new RenderedFrame(now, width, height, m.sequence(), m.captureMicros()))
                    .orElseGet(() -> new RenderedFrame(now, width, height, -1, -1));
            if (marker.isEmpty()) {
                unmarked.incrementAndGet();
            }
            frames.add(rendered);
            last = rendered;
            count.incrementAndGet();
            // Snapshots for reports: the first picture, and the latest one every 15 frames (copying
            // every frame would only cost time on the decoder's thread).
            if (firstImage == null) {
                firstImage = copy(buffer, now);
                lastImage = firstImage;
            } else if (sinceSnapshot.incrementAndGet() % 15 == 0) {
                lastImage = copy(buffer, now);
            }
        } finally {
            // Every frame handed to a sink is its own native copy.
            frame.release();
        }
    }

    private static FrameImage copy(I420Buffer buffer, long arrivalMicros) {
        int width = buffer.getWidth();
        int height = buffer.getHeight();
        int chromaWidth = (width + 1) / 2;
        int chromaHeight = (height + 1) / 2;
        return new FrameImage(width, height,
                plane(buffer.getDataY(), buffer.getStrideY(), width, height),
                plane(buffer.getDataU(), buffer.getStrideU(), chromaWidth, chromaHeight),
                plane(buffer.getDataV(), buffer.getStrideV(), chromaWidth, chromaHeight), arrivalMicros);
    }

    private static byte[] plane(ByteBuffer data, int stride, int width, int height) {
        byte[] packed = new byte[width * height];
        for (int row = 0; row < height; row++) {
            data.get(row * stride, packed, row * width, width);
        }
        return packed;
    }

    /** The first picture rendered, for reports. */
    public Optional<FrameImage> firstImage() {
        return Optional.ofNullable(firstImage);
    }

    /** A recent picture (at most 15 frames old), for reports. */
    public Optional<FrameImage> lastImage() {
        return Optional.ofNullable(lastImage);
    }

    public String elementId() {
        return elementId;
    }

    public long framesRendered() {
        return count.get();
    }

    public long framesWithoutMarker() {
        return unmarked.get();
    }

    public Optional<RenderedFrame> lastFrame() {
        return Optional.ofNullable(last);
    }

    /** Frames whose marker says they were captured at or after {@code captureMicros}. */
    public long framesCapturedSince(long captureMicros) {
        return frames.stream().filter(f -> f.hasMarker() && f.captureMicros() >= captureMicros).count();
    }

    /** Frames that arrived at or after {@code arrivalMicros}. */
    public long framesArrivedSince(long arrivalMicros) {
        return frames.stream().filter(f -> f.arrivalMicros() >= arrivalMicros).count();
    }

    /** A snapshot of every frame rendered so far, in arrival order. */
    public List<RenderedFrame> frames() {
        return List.copyOf(frames);
    }

    @Override
    public String toString() {
        return "video in '" + elementId + "': " + count.get() + " frames";
    }
}
