package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.media.VideoProfile;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.RtcError;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** switchDevice and replaceTrack on an unpublished stream, with the fixtures' stand-in devices (real libwebrtc tracks). */
class SwitchDeviceTest {

    private final TRTC tab = new TRTC("switch-test", null, SdkOptions.defaults()
            .withStandInDevices(StandInDevices.load(Path.of("fixtures/devices.json"), Path.of(""))));

    @AfterEach
    void close() {
        tab.close();
    }

    private LocalStream cameraStream(String cameraId) {
        return tab.createStream(new StreamConfig("alice", false, true, VideoProfile.DEFAULT,
                new MediaInput.Devices(Optional.of(cameraId), Optional.empty())));
    }

    @Test
    void aCameraIsSwitchedOnlyOnceInitializedAndOnlyToADeviceThatExists() {
        LocalStream stream = cameraStream("stand-in-camera");
        assertRefused(stream.switchDevice(MediaKind.VIDEO, "stand-in-shapes-camera"), ErrorCode.INVALID_OPERATION,
                "not initialized");
        stream.initialize().join();

        stream.switchDevice(MediaKind.VIDEO, "stand-in-shapes-camera").join();
        assertThat(stream.getVideoTrack()).isPresent();

        assertRefused(stream.switchDevice(MediaKind.VIDEO, "no-such-camera"), ErrorCode.DEVICE_NOT_FOUND, "no-such-camera");
        assertRefused(stream.switchDevice(MediaKind.AUDIO, "stand-in-microphone"), ErrorCode.INVALID_OPERATION, "has no audio");
    }

    @Test
    void replaceTrackMovesTheTrackFromTheOtherStream() {
        LocalStream published = cameraStream("stand-in-camera");
        published.initialize().join();
        LocalStream donor = cameraStream("stand-in-shapes-camera");
        donor.initialize().join();
        LocalTrack track = donor.getVideoTrack().orElseThrow();

        published.replaceTrack(track).join();

        assertThat(donor.hasVideo()).as("the track moved out of the stream it came from").isFalse();
        assertThat(donor.getVideoTrack()).isEmpty();
        assertRefused(published.replaceTrack(track), ErrorCode.INVALID_PARAMETER, "gone");
        assertRefused(published.replaceTrack(published.getVideoTrack().orElseThrow()), ErrorCode.INVALID_PARAMETER,
                "already this stream's");
    }

    @Test
    void aTrackOfAnotherUserIsRefused() {
        LocalStream published = cameraStream("stand-in-camera");
        published.initialize().join();
        LocalStream bobs = tab.createStream(new StreamConfig("bob", false, true, VideoProfile.DEFAULT,
                new MediaInput.Devices(Optional.of("stand-in-camera"), Optional.empty())));
        bobs.initialize().join();
        assertRefused(published.replaceTrack(bobs.getVideoTrack().orElseThrow()), ErrorCode.INVALID_PARAMETER, "bob");
    }

    private static void assertRefused(CompletableFuture<Void> call, ErrorCode code, String mentioning) {
        assertThatThrownBy(call::join).isInstanceOf(CompletionException.class).cause()
                .isInstanceOfSatisfying(RtcError.class, e -> assertThat(e.errorCode()).isEqualTo(code))
                .hasMessageContaining(mentioning);
    }
}
