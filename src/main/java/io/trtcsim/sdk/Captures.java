package io.trtcsim.sdk;

import io.trtcsim.media.AudioCapture;
import io.trtcsim.media.CameraCapture;
import io.trtcsim.media.FileAudioSource;
import io.trtcsim.media.FileVideoSource;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.MediaEngine;
import io.trtcsim.media.MicrophoneCapture;
import io.trtcsim.media.SyntheticAudioSource;
import io.trtcsim.media.SyntheticVideoSource;
import io.trtcsim.media.VideoCapture;
import io.trtcsim.media.VideoProfile;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.RtcError;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes the capture a stream's {@link MediaInput} asks for. */
final class Captures {

    private Captures() {
    }

    static VideoCapture video(String userId, MediaInput input, VideoProfile profile, MediaClock clock) {
        if (input instanceof MediaInput.Files files) {
            return new FileVideoSource(userId, existing(files.video()), clock);
        }
        if (input instanceof MediaInput.FoundDevices found && found.camera().isPresent()) {
            return camera(userId, found.camera().get(), profile, clock);
        }
        if (input instanceof MediaInput.Screen) {
            return new SyntheticVideoSource(userId + "-screen", profile, clock);
        }
        return new SyntheticVideoSource(userId, profile, clock);
    }

    static AudioCapture audio(String userId, MediaInput input, MediaEngine engine, MediaClock clock) {
        if (input instanceof MediaInput.Files files && files.audio().isPresent()) {
            return new FileAudioSource(userId, existing(files.audio().get()), engine, clock);
        }
        if (input instanceof MediaInput.FoundDevices found && found.microphone().isPresent()) {
            return microphone(userId, found.microphone().get(), engine, clock);
        }
        return new SyntheticAudioSource(userId, engine, clock);
    }

    /** Capture from a camera: a stand-in's file or synthetic picture, or the machine's camera. */
    static VideoCapture camera(String userId, FoundDevice camera, VideoProfile profile, MediaClock clock) {
        if (camera instanceof FoundDevice.MachineCamera machine) {
            return new CameraCapture(machine.device(), profile);
        }
        if (camera instanceof FoundDevice.StandIn standIn) {
            return standIn.device().file().<VideoCapture>map(file -> new FileVideoSource(userId, existing(file), clock))
                    .orElseGet(() -> new SyntheticVideoSource(userId, profile, clock));
        }
        throw new IllegalArgumentException(camera.info().label() + " is not a camera");
    }

    /**
     * Capture from a microphone: a stand-in's file or tone pushed into {@code engine}, or the machine's
     * microphone that {@code engine} records from.
     */
    static AudioCapture microphone(String userId, FoundDevice microphone, MediaEngine engine, MediaClock clock) {
        if (microphone instanceof FoundDevice.MachineMicrophone) {
            return new MicrophoneCapture(engine);
        }
        if (microphone instanceof FoundDevice.StandIn standIn) {
            return standIn.device().file().<AudioCapture>map(file -> new FileAudioSource(userId, existing(file), engine, clock))
                    .orElseGet(() -> new SyntheticAudioSource(userId, engine, clock));
        }
        throw new IllegalArgumentException(microphone.info().label() + " is not a microphone");
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "media file " + file.toAbsolutePath() + " does not exist");
        }
        return file;
    }
}
