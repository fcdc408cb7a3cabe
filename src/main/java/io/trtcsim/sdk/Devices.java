package io.trtcsim.sdk;

import dev.onvoid.webrtc.media.MediaDevices;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RtcError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real cameras and microphones. Cameras are listed through webrtc-java; microphones are looked up
 * in ALSA's /proc/asound/pcm, because webrtc-java's audio device listing blocks forever on a
 * machine without a PulseAudio server (measured here). TRTC rejects initialize() with
 * DEVICE_NOT_FOUND when a requested device is missing.
 */
final class Devices {

    private Devices() {
    }

    static RtcError unavailable(StreamConfig config) {
        if (config.video() && MediaDevices.getVideoCaptureDevices().isEmpty()) {
            return new RtcError(ErrorCode.DEVICE_NOT_FOUND, "no camera found on this machine");
        }
        if (config.audio() && !hasAlsaCapture()) {
            return new RtcError(ErrorCode.DEVICE_NOT_FOUND, "no microphone found on this machine (/proc/asound/pcm lists none)");
        }
        // Both exist: capturing them needs a device-backed audio module, which the harness does not run.
        return new RtcError(ErrorCode.NOT_SUPPORTED, "capturing real devices is not supported by this harness yet");
    }

    private static boolean hasAlsaCapture() {
        try {
            Path pcm = Path.of("/proc/asound/pcm");
            return Files.isReadable(pcm) && Files.readAllLines(pcm).stream().anyMatch(line -> line.contains("capture"));
        } catch (IOException e) {
            return false;
        }
    }
}
