package io.trtcsim.sdk;

import io.trtcsim.media.AudioCapture;
import io.trtcsim.media.FileAudioSource;
import io.trtcsim.media.FileVideoSource;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.MediaEngine;
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
        if (input instanceof MediaInput.StandIns standIns && standIns.camera().flatMap(StandInDevice::file).isPresent()) {
            return new FileVideoSource(userId, existing(standIns.camera().get().file().get()), clock);
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
        if (input instanceof MediaInput.StandIns standIns && standIns.microphone().flatMap(StandInDevice::file).isPresent()) {
            return new FileAudioSource(userId, existing(standIns.microphone().get().file().get()), engine, clock);
        }
        return new SyntheticAudioSource(userId, engine, clock);
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RtcError(ErrorCode.INVALID_PARAMETER, "media file " + file.toAbsolutePath() + " does not exist");
        }
        return file;
    }
}
