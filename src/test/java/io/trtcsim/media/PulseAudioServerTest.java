package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The harness's own PulseAudio server, for real: started on PULSE_SERVER's socket, fed, stopped. */
class PulseAudioServerTest {

    private PulseAudioServer server;

    @BeforeEach
    void start() {
        String reason = PulseAudioServer.reasonItCannotStart().orElse("");
        assumeTrue(reason.isEmpty(), () -> "skipped: " + reason);
        server = PulseAudioServer.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aMicrophoneIsFedInRealTimeWhetherOrNotAnyoneRecordsIt() {
        PipeMicrophone microphone = server.addMicrophone("unit-mic", MediaClock.system());
        // Undrained, the FIFO takes 64 KiB (68 chunks) and the writes then block: 150 chunks prove
        // the loopback reads it, and at about 100 a second they prove the pacing.
        Awaitility.await("the microphone's FIFO taking 150 chunks of 10 ms; written: " + microphone.chunksWritten())
                .atMost(Duration.ofSeconds(5)).until(() -> microphone.chunksWritten() >= 150);
        assertThat(microphone.name()).isEqualTo("unit-mic");
    }

    @Test
    void aMicrophoneBecomesTheDefaultSourceWhenAskedByItsLabel() {
        server.addMicrophone("first-mic", MediaClock.system());
        server.addMicrophone("second-mic", MediaClock.system());
        PulseAudioSources.makeDefault("second-mic");
        PulseAudioSources.makeDefault("first-mic");
        assertThatThrownBy(() -> PulseAudioSources.makeDefault("no-such-mic"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-mic")
                .hasMessageContaining("first-mic");
    }

    @Test
    void badOrTakenNamesAreRefusedNamingThem() {
        server.addMicrophone("taken", MediaClock.system());
        assertThatThrownBy(() -> server.addMicrophone("taken", MediaClock.system()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'taken'");
        assertThatThrownBy(() -> server.addMicrophone("two words", MediaClock.system()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'two words'");
        assertThatThrownBy(() -> server.addMicrophone(PulseAudioServer.SPEAKER, MediaClock.system()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PulseAudioServer.SPEAKER);
    }

    @Test
    void aSecondServerOnTheSameSocketIsRefusedAndClosingRemovesTheSocket() {
        assertThatThrownBy(PulseAudioServer::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already answers");
        server.close();
        assertThat(Files.exists(server.socket())).isFalse();
        server = null;
    }
}
