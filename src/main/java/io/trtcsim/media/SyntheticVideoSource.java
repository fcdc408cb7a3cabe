package io.trtcsim.media;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera stand-in: paints a moving test pattern at the profile's rate and stamps each frame
 * with a marker (sequence number and capture time) that the receiving sink reads back.
 */
public final class SyntheticVideoSource extends PacedSource implements VideoCapture {

    private static final Logger log = LoggerFactory.getLogger(SyntheticVideoSource.class);

    private final CustomVideoSource source = new CustomVideoSource();
    private volatile VideoProfile profile;
    private final MediaClock clock;
    private final FrameMarkerCodec markers = new FrameMarkerCodec();
    private final TestPattern pattern = new TestPattern();
    private final AtomicLong sequence = new AtomicLong();

    public SyntheticVideoSource(String name, VideoProfile profile, MediaClock clock) {
        super("video-source-" + name);
        this.profile = profile;
        this.clock = clock;
    }

    @Override
    public void start() {
        pace(profile.frameIntervalMicros(), 0, this::pushFrame);
    }

    /** The next frame has the new size; a new frame rate re-paces the frames from now on. */
    @Override
    public void reconfigure(VideoProfile next) {
        VideoProfile previous = profile;
        profile = next;
        if (next.frameRate() != previous.frameRate() && !isClosed()) {
            pace(next.frameIntervalMicros(), next.frameIntervalMicros(), this::pushFrame);
        }
    }

    @Override
    public CustomVideoSource source() {
        return source;
    }

    public VideoProfile profile() {
        return profile;
    }

    /** Frames pushed so far. */
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
            // One reading per frame: a reconfigure between two frames changes the next one whole.
            VideoProfile profile = this.profile;
            NativeI420Buffer buffer = NativeI420Buffer.allocate(profile.width(), profile.height());
            int band = markers.bandHeight(profile.width());
            pattern.paint(seq, buffer.getDataY(), buffer.getStrideY(), buffer.getDataU(), buffer.getStrideU(),
                    buffer.getDataV(), buffer.getStrideV(), profile.width(), profile.height(), band);
            markers.encode(new FrameMarker(seq, clock.nowMicros()), buffer.getDataY(), buffer.getStrideY(),
                    profile.width(), profile.height());
            VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
            try {
                source.pushFrame(frame);
            } finally {
                frame.release();
            }
        } catch (RuntimeException e) {
            // An exception would cancel the schedule silently; log it so a stalled source is explained.
            log.error("video source failed to push a frame", e);
        }
    }



    @Override
    void disposeSource() {
        source.dispose();
    }
}
