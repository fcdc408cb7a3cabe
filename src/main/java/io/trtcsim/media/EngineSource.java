package io.trtcsim.media;

import dev.onvoid.webrtc.media.audio.AudioDevice;

/**
 * Where a user (a simulated browser tab) gets its libwebrtc engine: a new one of its own
 * ({@link #OWN}), one kept for reuse ({@link MediaEnginePool}) or one shared with other users at the
 * same time ({@link SharedMediaEngine}).
 */
@FunctionalInterface
public interface EngineSource {

    /** A new engine for each user, disposed when its lease is closed. */
    EngineSource OWN = user -> owned(new MediaEngine(user));

    /** An engine for {@code user}, made now or kept from an earlier user. */
    EngineLease take(String user);

    /**
     * An engine recording {@code microphone} of the machine ({@link MediaEngine#recordingFrom}),
     * made for {@code user} and disposed when its lease is closed: it is bound to the PulseAudio
     * server of its scenario, which ends with it, so no source keeps it.
     */
    default EngineLease recording(String user, AudioDevice microphone) {
        return owned(MediaEngine.recordingFrom(user, microphone));
    }

    /** A lease on an engine its user owns: closing it disposes the engine. */
    static EngineLease owned(MediaEngine engine) {
        return new EngineLease() {
            @Override
            public MediaEngine engine() {
                return engine;
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }
}
