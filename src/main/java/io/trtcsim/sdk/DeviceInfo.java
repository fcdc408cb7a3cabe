package io.trtcsim.sdk;

import io.trtcsim.trtc.DeviceKind;

/**
 * One entry of TRTC.getDevices() / getCameras() / getMicrophones() / getSpeakers(), as a browser's
 * MediaDeviceInfo: its id, its kind and its label. {@code standIn} marks the devices described in
 * the stand-in devices file rather than found on the machine.
 */
public record DeviceInfo(String deviceId, DeviceKind kind, String label, boolean standIn) {

    /** Whether {@code idOrLabel} names this device: its id, or its label. */
    public boolean isNamed(String idOrLabel) {
        return deviceId.equals(idOrLabel) || label.equals(idOrLabel);
    }
}
