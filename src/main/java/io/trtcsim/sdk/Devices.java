package io.trtcsim.sdk;

import dev.onvoid.webrtc.media.Device;
import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.AudioLayer;
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
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cameras, microphones and speakers: the machine's, as webrtc-java sees them, and the stand-ins
 * of the stand-in devices file. Cameras are listed through webrtc-java at once. Its audio device
 * listing blocks forever on a machine without a PulseAudio server (measured here), so audio devices
 * are listed only when a server's socket is there (PULSE_SERVER, or XDG_RUNTIME_DIR/pulse/native),
 * and then on a thread of its own with a deadline; otherwise ALSA's /proc/asound/pcm says whether a
 * microphone exists at all. A stream captures from a stand-in or from a device of the machine: a
 * microphone through libwebrtc's PulseAudio module, a camera through its device path (V4L2).
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

    /** What getCameras() and friends list of the machine: the capturable devices, and the speakers. */
    private static List<DeviceInfo> machine(DeviceKind kind) {
        if (kind == DeviceKind.AUDIO_OUTPUT) {
            return audioDevices(() -> listedByNewModule(AudioDeviceModuleBase::getPlayoutDevices))
                    .stream().map(device -> info(device, kind)).toList();
        }
        return machineDevices(kind).stream().map(FoundDevice::info).toList();
    }

    private static DeviceInfo info(VideoDevice device, DeviceKind kind) {
        return new DeviceInfo(idOf(device), kind, device.getName(), false);
    }

    private static DeviceInfo info(AudioDevice device, DeviceKind kind) {
        return new DeviceInfo(idOf(device), kind, device.getName(), false);
    }

    /**
     * Audio devices as a PulseAudio module made for the question lists them. webrtc-java's
     * MediaDevices lists audio devices once and keeps that list (measured: a microphone added to
     * the server later is never listed), so each listing asks a module of its own.
     */
    private static List<AudioDevice> listedByNewModule(Function<AudioDeviceModuleBase, List<AudioDevice>> listing) {
        AudioDeviceModule module = new AudioDeviceModule(AudioLayer.kLinuxPulseAudio);
        try {
            return List.copyOf(listing.apply(module));
        } finally {
            module.dispose();
        }
    }

    /** The descriptor, or the name where webrtc-java gives no descriptor. */
    private static String idOf(Device device) {
        return device.getDescriptor() != null ? device.getDescriptor() : device.getName();
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
     * What initialize() captures for a stream made from devices: for each kind the stream has, the
     * stand-in it names, or the machine's device of that id or label, or (none named) the machine's
     * first device of that kind. A device that is nowhere is DEVICE_NOT_FOUND, naming it and the
     * devices there are; a sound card without a PulseAudio server is NOT_SUPPORTED, saying so.
     */
    static MediaInput.FoundDevices capture(MediaInput.Devices wanted, StreamConfig config, StandInDevices standIns) {
        Optional<FoundDevice> camera = config.video() ? Optional.of(find(wanted.cameraId(), DeviceKind.VIDEO_INPUT,
                standIns)) : Optional.empty();
        Optional<FoundDevice> microphone = config.audio() ? Optional.of(find(wanted.microphoneId(),
                DeviceKind.AUDIO_INPUT, standIns)) : Optional.empty();
        return new MediaInput.FoundDevices(camera, microphone);
    }

    /** switchDevice's device: the stand-in or machine device of that id or label. */
    static FoundDevice find(String idOrLabel, DeviceKind kind, StandInDevices standIns) {
        return find(Optional.of(idOrLabel), kind, standIns);
    }

    private static FoundDevice find(Optional<String> wanted, DeviceKind kind, StandInDevices standIns) {
        if (wanted.isEmpty()) {
            Optional<FoundDevice> first = machineDevices(kind).stream().findFirst();
            if (first.isPresent()) {
                return first.get();
            }
            if (kind == DeviceKind.AUDIO_INPUT && hasAlsaCapture()) {
                throw new RtcError(ErrorCode.NOT_SUPPORTED, "this machine has an ALSA microphone but no PulseAudio server"
                        + " answers; microphones are captured through PulseAudio (start one, or name a stand-in of"
                        + " fixtures/devices.json)");
            }
            throw new RtcError(ErrorCode.DEVICE_NOT_FOUND, "no " + kind.noun() + " found on this machine"
                    + (kind == DeviceKind.AUDIO_INPUT ? " (/proc/asound/pcm lists none, and no PulseAudio server answers)" : ""));
        }
        String name = wanted.get();
        Optional<StandInDevice> standIn = standIns.named(name, kind);
        if (standIn.isPresent()) {
            return new FoundDevice.StandIn(standIn.get());
        }
        // Listed once: the error names the same devices the search looked at.
        List<FoundDevice> machine = machineDevices(kind);
        return machine.stream().filter(device -> device.info().isNamed(name)).findFirst()
                .orElseThrow(() -> {
                    List<DeviceInfo> there = new ArrayList<>(machine.stream().map(FoundDevice::info).toList());
                    there.addAll(standIns.of(kind));
                    return new RtcError(ErrorCode.DEVICE_NOT_FOUND, "no " + kind.noun() + " '" + name
                            + "' on this machine or among the stand-ins; " + kind.noun() + "s: "
                            + there.stream().map(d -> d.deviceId() + " (" + d.label() + ")").toList());
                });
    }

    private static List<FoundDevice> machineDevices(DeviceKind kind) {
        return switch (kind) {
            case VIDEO_INPUT -> MediaDevices.getVideoCaptureDevices().stream()
                    .<FoundDevice>map(device -> new FoundDevice.MachineCamera(device, info(device, kind))).toList();
            case AUDIO_INPUT -> audioDevices(() -> listedByNewModule(AudioDeviceModuleBase::getRecordingDevices)).stream()
                    .<FoundDevice>map(device -> new FoundDevice.MachineMicrophone(device, info(device, kind))).toList();
            case AUDIO_OUTPUT -> throw new IllegalArgumentException("speakers play; nothing is captured from them");
        };
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
