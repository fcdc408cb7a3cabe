package io.trtcsim.media;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera stand-in that plays a Y4M clip in a loop at the clip's own frame rate. Each frame is
 * stamped with a marker (sequence number and capture time) in the band at the top of the picture,
 * as {@link SyntheticVideoSource} does, so latency and losses are measured for file media too; the
 * rest of the picture is the file's.
 *
 * <p>The clip is read whole when the source is made, so a bad file fails there, before any track.
 */
public final class FileVideoSource extends PacedSource implements VideoCapture {

    private static final Logger log = LoggerFactory.getLogger(FileVideoSource.class);

    private final CustomVideoSource source;
    private final Y4mReader clip;
    private final MediaClock clock;
    private final FrameMarkerCodec markers = new FrameMarkerCodec();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @throws IllegalArgumentException if the file is not a Y4M clip this source can play, or its
     *                                  picture is too small to carry the frame marker
     */
    public FileVideoSource(String name, Path y4m, MediaClock clock) {
        super("video-file-" + name);
        this.clip = Y4mReader.read(y4m);
        this.clock = clock;
        if (clip.width() < FrameMarkerCodec.MIN_WIDTH) {
            throw new IllegalArgumentException("Y4M file " + y4m + " is " + clip.width() + "x" + clip.height()
                    + ", too narrow for the frame marker: it needs at least " + FrameMarkerCodec.MIN_WIDTH + " pixels");
        }
        if (clip.height() <= markers.bandHeight(clip.width())) {
            throw new IllegalArgumentException("Y4M file " + y4m + " is " + clip.width() + "x" + clip.height()
                    + ", too low for the frame marker: its band alone is " + markers.bandHeight(clip.width()) + " rows");
        }
        this.source = new CustomVideoSource();
    }

    @Override
    public void start() {
        pace(clip.frameIntervalMicros(), 0, this::pushFrame);
    }

    @Override
    public CustomVideoSource source() {
        return source;
    }

    public int width() {
        return clip.width();
    }

    public int height() {
        return clip.height();
    }

    /** Frames per second of the file, at which it is played. */
    public double frameRate() {
        return clip.frameRate();
    }

    /** Frames in one pass of the file. */
    public int frameCount() {
        return clip.frameCount();
    }

    /** Frames pushed so far, over all loops. */
    @Override
    public long framesCaptured() {
        return sequence.get();
    }

    private void pushFrame() {
        if (isClosed() || isPaused()) {
            return;
        }
        try {
            long seq = sequence.getAndIncrement();
            int width = clip.width();
            int height = clip.height();
            NativeI420Buffer buffer = NativeI420Buffer.allocate(width, height);
            clip.copyFrame((int) (seq % clip.frameCount()), buffer.getDataY(), buffer.getStrideY(),
                    buffer.getDataU(), buffer.getStrideU(), buffer.getDataV(), buffer.getStrideV());
            markers.encode(new FrameMarker(seq & FrameMarker.MAX_SEQUENCE, clock.nowMicros()), buffer.getDataY(),
                    buffer.getStrideY(), width, height);
            VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
            try {
                source.pushFrame(frame);
            } finally {
                frame.release();
            }
        } catch (RuntimeException e) {
            // An exception would cancel the schedule silently; log it so a stalled source is explained.
            log.error("video file source failed to push a frame of {}", clip.file(), e);
        }
    }



    @Override
    void disposeSource() {
        source.dispose();
    }

    @Override
    public String toString() {
        return "video from " + clip;
    }
}
