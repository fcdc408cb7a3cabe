package io.trtcsim.sdk;

import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.video.VideoDevice;
import io.trtcsim.trtc.DeviceKind;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RtcError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cameras, microphones and speakers: the machine's, as webrtc-java sees them, and the stand-ins
 * of the stand-in devices file. Cameras are listed through webrtc-java at once. Its audio device
 * listing blocks forever on a machine without a PulseAudio server (measured here), so audio devices
 * are listed only when a server's socket is there (PULSE_SERVER, or XDG_RUNTIME_DIR/pulse/native),
 * and then on a thread of its own with a deadline; otherwise ALSA's /proc/asound/pcm says whether a
 * microphone exists at all. Capture here is from stand-ins; the machine's own devices are listed
 * but not yet captured (NOT_SUPPORTED, naming the device).
 */
final class Devices {

    private static final Logger log = LoggerFactory.getLogger(Devices.class);
    private static final long AUDIO_LISTING_PATIENCE_SECONDS = 5;

    private Devices() {
    }

    /** getCameras() / getMicrophones() / getSpeakers(): the machine's devices of that kind, then the stand-ins. */
    static List<DeviceInfo> list(DeviceKind kind, StandInDevices standIns) {
        List<DeviceInfo> devices = new ArrayList<>(machine(kind));
        devices.addAll(standIns.of(kind));
        return devices;
    }

    private static List<DeviceInfo> machine(DeviceKind kind) {
        return switch (kind) {
            case VIDEO_INPUT -> MediaDevices.getVideoCaptureDevices().stream()
                    .map(device -> info(device, kind)).toList();
            case AUDIO_INPUT -> audioDevices(MediaDevices::getAudioCaptureDevices).stream()
                    .map(device -> info(device, kind)).toList();
            case AUDIO_OUTPUT -> audioDevices(MediaDevices::getAudioRenderDevices).stream()
                    .map(device -> info(device, kind)).toList();
        };
    }

    private static DeviceInfo info(VideoDevice device, DeviceKind kind) {
        return new DeviceInfo(device.getDescriptor(), kind, device.getName(), false);
    }

    private static DeviceInfo info(AudioDevice device, DeviceKind kind) {
        return new DeviceInfo(device.getDescriptor(), kind, device.getName(), false);
    }

    private static List<AudioDevice> audioDevices(Supplier<List<AudioDevice>> listing) {
        if (pulseAudioSocket().isEmpty()) {
            return List.of();
        }
        CompletableFuture<List<AudioDevice>> listed = new CompletableFuture<>();
        Thread lister = new Thread(() -> {
            try {
                listed.complete(listing.get());
            } catch (RuntimeException e) {
                listed.completeExceptionally(e);
            }
        }, "audio-device-listing");
        lister.setDaemon(true);
        lister.start();
        try {
            return listed.get(AUDIO_LISTING_PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("the PulseAudio server at {} did not list its devices within {} s; no audio devices listed",
                    pulseAudioSocket().orElseThrow(), AUDIO_LISTING_PATIENCE_SECONDS);
            return List.of();
        } catch (ExecutionException e) {
            log.warn("listing audio devices failed: {}", e.getCause().toString());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The socket a PulseAudio client would connect to, if it is there. */
    static Optional<Path> pulseAudioSocket() {
        String server = System.getenv("PULSE_SERVER");
        Path socket;
        if (server != null && server.startsWith("unix:")) {
            socket = Path.of(server.substring("unix:".length()));
        } else if (server == null && System.getenv("XDG_RUNTIME_DIR") != null) {
            socket = Path.of(System.getenv("XDG_RUNTIME_DIR"), "pulse", "native");
        } else {
            return Optional.empty();
        }
        return Files.exists(socket) ? Optional.of(socket) : Optional.empty();
    }

    /**
     * What initialize() captures for a stream made from devices: the stand-ins it names. The
     * machine's own devices, named or by default, are NOT_SUPPORTED for capture yet; a device that
     * is nowhere is DEVICE_NOT_FOUND, naming it and the devices there are.
     */
    static MediaInput.StandIns capture(MediaInput.Devices wanted, StreamConfig config, StandInDevices standIns) {
        Optional<StandInDevice> camera = config.video() ? Optional.of(standIn(wanted.cameraId(), DeviceKind.VIDEO_INPUT,
                standIns)) : Optional.empty();
        Optional<StandInDevice> microphone = config.audio() ? Optional.of(standIn(wanted.microphoneId(),
                DeviceKind.AUDIO_INPUT, standIns)) : Optional.empty();
        return new MediaInput.StandIns(camera, microphone);
    }

    private static StandInDevice standIn(Optional<String> wanted, DeviceKind kind, StandInDevices standIns) {
        if (wanted.isEmpty()) {
            boolean exists = kind == DeviceKind.VIDEO_INPUT ? !machine(kind).isEmpty()
                    : !machine(kind).isEmpty() || hasAlsaCapture();
            if (!exists) {
                throw new RtcError(ErrorCode.DEVICE_NOT_FOUND, "no " + kind.noun() + " found on this machine"
                        + (kind == DeviceKind.AUDIO_INPUT ? " (/proc/asound/pcm lists none, and no PulseAudio server answers)" : ""));
            }
            throw machineCaptureNotSupported(kind, "the default " + kind.noun());
        }
        String name = wanted.get();
        Optional<StandInDevice> standIn = standIns.named(name, kind);
        if (standIn.isPresent()) {
            return standIn.get();
        }
        List<DeviceInfo> all = list(kind, standIns);
        if (all.stream().anyMatch(device -> device.isNamed(name))) {
            throw machineCaptureNotSupported(kind, kind.noun() + " '" + name + "'");
        }
        throw new RtcError(ErrorCode.DEVICE_NOT_FOUND, "no " + kind.noun() + " '" + name + "' on this machine or among"
                + " the stand-ins; " + kind.noun() + "s: " + all.stream().map(d -> d.deviceId() + " (" + d.label() + ")").toList());
    }

    private static RtcError machineCaptureNotSupported(DeviceKind kind, String which) {
        return new RtcError(ErrorCode.NOT_SUPPORTED, "capturing " + which + " of this machine is not supported by this"
                + " harness yet; a stand-in " + kind.noun() + " (fixtures/devices.json) captures a synthetic or file source");
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
