package io.trtcsim.sdk;

import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.video.VideoDevice;

/** A device a stream captures from: a stand-in of the stand-in devices file, or one of this machine. */
public sealed interface FoundDevice {

    /** How TRTC lists it. */
    DeviceInfo info();

    /** A stand-in camera or microphone: a synthetic or file source. */
    record StandIn(StandInDevice device) implements FoundDevice {
        @Override
        public DeviceInfo info() {
            return device.info();
        }
    }

    /** A microphone of this machine, recorded through libwebrtc's PulseAudio module. */
    record MachineMicrophone(AudioDevice device, DeviceInfo info) implements FoundDevice {
    }

    /** A camera of this machine, captured through libwebrtc's device path (V4L2). */
    record MachineCamera(VideoDevice device, DeviceInfo info) implements FoundDevice {
    }
}
