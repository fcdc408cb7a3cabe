package io.trtcsim.sdk;

import io.trtcsim.trtc.DeviceKind;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A device that is not on the machine but listed as if it were: a camera or microphone whose
 * capture is the synthetic source (no file) or a media file (Y4M for a camera, WAV for a
 * microphone), marked as every source here is.
 */
public record StandInDevice(String deviceId, String label, DeviceKind kind, Optional<Path> file) {

    public DeviceInfo info() {
        return new DeviceInfo(deviceId, kind, label, true);
    }
}
