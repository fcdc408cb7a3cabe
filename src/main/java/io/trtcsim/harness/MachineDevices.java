package io.trtcsim.harness;

import io.trtcsim.media.MediaClock;
import io.trtcsim.media.PipeMicrophone;
import io.trtcsim.media.PulseAudioServer;
import java.util.Optional;

/**
 * Real devices the harness gives this machine for a scenario: microphones of a PulseAudio server it
 * starts on first use (Debian's pulseaudio, on the socket this JVM's PULSE_SERVER names), fed by the
 * harness. The server is stopped after everything else of the scenario, so every engine that
 * records from it has closed first.
 */
public final class MachineDevices {

    /** What a microphone of the machine hears. */
    public enum Feed {
        /** The marked tone of the synthetic microphone: audible, with a latency burst every second. */
        MARKED_TONE,
        /** Silence: the microphone is there, and records nothing audible. */
        SILENCE
    }

    private final ScenarioContext scenario;
    private PulseAudioServer server;

    public MachineDevices(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    /** Why this machine cannot be given microphones, if it cannot (printed when a scenario is skipped). */
    public static Optional<String> reasonNoMicrophones() {
        return PulseAudioServer.reasonItCannotStart();
    }

    /** A microphone named {@code name} (its id and its label) that the harness feeds from now on. */
    public synchronized void addMicrophone(String name, Feed feed) {
        if (server == null) {
            server = PulseAudioServer.start();
            scenario.closeLast("the PulseAudio server", server);
        }
        PipeMicrophone microphone = server.addMicrophone(name, MediaClock.system());
        microphone.setPaused(feed == Feed.SILENCE);
    }
}
