package io.trtcsim.sdk;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a local stream's media comes from: the synthetic camera and microphone (default), files
 * under media-samples/ (looped, marker stamped onto each frame), or real devices.
 */
public sealed interface MediaInput {

    /** A marked moving test pattern and a 440 Hz tone with latency bursts. */
    record Synthetic() implements MediaInput {
    }

    /** A Y4M video file and, optionally, a WAV audio file (else the synthetic tone). */
    record Files(Path video, Optional<Path> audio) implements MediaInput {
    }

    /**
     * A screen being shared: a synthetic desktop, high resolution at a low frame rate, marked as
     * the camera stand-in is; published as the user's auxiliary stream.
     */
    record Screen() implements MediaInput {
    }

    /**
     * createStream({cameraId, microphoneId}): devices by id (or label), or the default ones when
     * none is named. initialize() finds them among the machine's devices and the stand-ins.
     */
    record Devices(Optional<String> cameraId, Optional<String> microphoneId) implements MediaInput {

        /** The default camera and microphone. */
        public Devices() {
            this(Optional.empty(), Optional.empty());
        }
    }

    /**
     * What initialize() found for {@link Devices}: for each kind the stream has, a stand-in (a
     * synthetic or file source) or a device of this machine.
     */
    record FoundDevices(Optional<FoundDevice> camera, Optional<FoundDevice> microphone) implements MediaInput {
    }

    static MediaInput synthetic() {
        return new Synthetic();
    }
}
