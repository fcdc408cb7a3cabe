package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.trtc.DeviceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandInDevicesTest {

    @Test
    void theFixturesDevicesAreReadWithTheirKindsAndFiles() {
        StandInDevices devices = StandInDevices.load(Path.of("fixtures/devices.json"), Path.of(""));

        assertThat(devices.of(DeviceKind.VIDEO_INPUT)).extracting(DeviceInfo::deviceId)
                .containsExactly("stand-in-camera", "stand-in-shapes-camera");
        assertThat(devices.named("Stand-in microphone (chirp 48 kHz, file)", DeviceKind.AUDIO_INPUT))
                .hasValueSatisfying(mic -> assertThat(mic.file()).hasValue(Path.of("media-samples/chirp-48k-mono.wav")));
        assertThat(devices.named("stand-in-camera", DeviceKind.AUDIO_INPUT)).as("a camera is no microphone").isEmpty();
    }

    @Test
    void aWrongEntryIsRefusedNamingTheFileAndTheDevice(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("devices.json");
        Files.writeString(file, "{\"devices\": [{\"deviceId\": \"cam\", \"label\": \"Cam\", \"kind\": \"hologram\"}]}");
        assertThatThrownBy(() -> StandInDevices.load(file, folder)).hasMessageContaining("device 'cam'")
                .hasMessageContaining("'hologram' is not one of microphone, camera, speaker");
        Files.writeString(file, "{\"devices\": [{\"deviceId\": \"cam\", \"label\": \"Cam\", \"kind\": \"videoinput\","
                + " \"file\": \"missing.y4m\"}]}");
        assertThatThrownBy(() -> StandInDevices.load(file, folder)).hasMessageContaining("missing.y4m does not exist");
        Files.writeString(file, "{\"devices\": [{\"deviceId\": \"m\", \"label\": \"M\", \"kind\": \"audioinput\"},"
                + " {\"deviceId\": \"m\", \"label\": \"N\", \"kind\": \"audioinput\"}]}");
        assertThatThrownBy(() -> StandInDevices.load(file, folder)).hasMessageContaining("deviceId 'm' appears twice");
        Files.writeString(file, "[]");
        assertThatThrownBy(() -> StandInDevices.load(file, folder)).hasMessageContaining("expected {\"devices\": [...]}");
    }
}
