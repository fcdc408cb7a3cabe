package io.trtcsim.media;

import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import java.util.Comparator;
import java.util.List;

/**
 * Capture from a camera of the machine through libwebrtc's device path (V4L2 on Linux: a
 * {@code /dev/video*} device, e.g. a v4l2loopback device fed from a Y4M file). It captures in the
 * camera's mode nearest the profile asked for. A camera's frames carry no marker unless what feeds
 * it drew one (a loopback device fed with a marked Y4M does), so latency is measured only then.
 */
public final class CameraCapture implements VideoCapture {

    private final VideoDeviceSource source = new VideoDeviceSource();
    private final VideoCaptureCapability mode;
    private volatile boolean paused;
    private boolean closed;

    public CameraCapture(VideoDevice camera, VideoProfile wanted) {
        List<VideoCaptureCapability> modes = MediaDevices.getVideoCaptureCapabilities(camera);
        this.mode = modes.stream()
                .min(Comparator.comparingInt((VideoCaptureCapability m) -> Math.abs(m.width * m.height
                        - wanted.width() * wanted.height())).thenComparingInt(m -> Math.abs(m.frameRate - wanted.frameRate())))
                .orElse(new VideoCaptureCapability(wanted.width(), wanted.height(), wanted.frameRate()));
        source.setVideoCaptureDevice(camera);
        source.setVideoCaptureCapability(mode);
    }

    @Override
    public void start() {
        source.start();
    }

    @Override
    public VideoDeviceSource source() {
        return source;
    }

    /** A paused camera stops capturing (muteVideo), as a disabled browser track sends no frames. */
    @Override
    public synchronized void setPaused(boolean pause) {
        if (closed || pause == paused) {
            return;
        }
        paused = pause;
        if (pause) {
            source.stop();
        } else {
            source.start();
        }
    }

    /** Not counted: libwebrtc captures a camera's frames on its own thread; the receiver counts what arrives. */
    @Override
    public long framesCaptured() {
        return 0;
    }

    /** The camera mode capture runs in. */
    public VideoProfile mode() {
        return new VideoProfile(mode.width, mode.height, mode.frameRate);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!paused) {
            source.stop();
        }
        source.dispose();
    }
}
