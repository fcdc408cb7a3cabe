package io.trtcsim.sdk;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.trtcsim.media.AudioCapture;
import io.trtcsim.media.MediaEngine;
import io.trtcsim.media.VideoCapture;
import io.trtcsim.trtc.DeviceKind;
import io.trtcsim.trtc.ErrorCode;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.RtcError;
import java.util.concurrent.CompletableFuture;

/**
 * switchDevice and replaceTrack of a {@link LocalStream}: what the track of a kind captures changes
 * while the sender keeps its RTP stream, so the others see the new source's media without a
 * renegotiation (no stream-updated). The stream swaps its capture and track; this decides what to
 * capture and refuses what cannot be, with the documented errors.
 */
final class DeviceSwitch {

    private DeviceSwitch() {
    }

    /**
     * switchDevice: a stand-in or a device of the machine, by id or label. A microphone of the
     * machine is switched inside the recording engine; between pushed and recorded audio there is
     * no switching (NOT_SUPPORTED, saying why). DEVICE_NOT_FOUND names a device that is nowhere;
     * INVALID_OPERATION when the stream is not initialized, has no track of that kind, or shares the screen.
     */
    static CompletableFuture<Void> switchDevice(LocalStream stream, MediaKind kind, String deviceId) {
        try {
            FoundDevice device = Devices.find(deviceId, kind == MediaKind.AUDIO ? DeviceKind.AUDIO_INPUT
                    : DeviceKind.VIDEO_INPUT, stream.standIns());
            MediaEngine media = stream.engineForSwitch(kind, "switchDevice");
            String userId = stream.getUserId();
            if (kind == MediaKind.VIDEO) {
                VideoCapture capture = Captures.camera(userId, device, stream.videoProfile(), stream.clock());
                stream.swapVideo(capture, media.createVideoTrack(stream.videoTrackId(), capture.source()));
                return CompletableFuture.completedFuture(null);
            }
            boolean recorded = device instanceof FoundDevice.MachineMicrophone;
            if (recorded != media.microphone().isPresent()) {
                throw new RtcError(ErrorCode.NOT_SUPPORTED, "the stream of " + userId + " sends "
                        + (recorded ? "pushed (synthetic, file or stand-in) audio" : "a microphone of the machine")
                        + "; switching to " + (recorded ? "the machine's microphone '" : "the stand-in '")
                        + device.info().deviceId() + "' (" + device.info().label() + ") would mix recorded and pushed"
                        + " audio in one engine");
            }
            if (device instanceof FoundDevice.MachineMicrophone microphone) {
                media.switchMicrophone(microphone.device());
                return CompletableFuture.completedFuture(null);
            }
            AudioCapture capture = Captures.microphone(userId, device, media, stream.clock());
            stream.swapAudio(media, capture, media.createAudioTrack(stream.audioTrackId(), capture.source()));
            return CompletableFuture.completedFuture(null);
        } catch (RtcError e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new RtcError(ErrorCode.DEVICE_NOT_FOUND,
                    "could not capture " + deviceId + ": " + e.getMessage(), e));
        }
    }

    /**
     * replaceTrack: the track of another stream of the same user and tab (its getAudioTrack() or
     * getVideoTrack()) takes the place of the stream's track of that kind. The track moves: the
     * stream it came from no longer has it (as v4's guide does it, that stream was made only to
     * capture the new track). Pushed audio only: a recorded microphone is changed with switchDevice.
     */
    static CompletableFuture<Void> replaceTrack(LocalStream stream, LocalTrack track) {
        try {
            LocalStream donor = track.stream();
            if (donor == stream) {
                throw new RtcError(ErrorCode.INVALID_PARAMETER, "the " + track.kind() + " track is already this stream's");
            }
            if (!donor.getUserId().equals(stream.getUserId())) {
                throw new RtcError(ErrorCode.INVALID_PARAMETER, "a track of " + donor.getUserId()
                        + "'s stream cannot replace one of " + stream.getUserId() + "'s");
            }
            MediaEngine media = stream.engineForSwitch(track.kind(), "replaceTrack");
            if (donor.engine() != media) {
                throw new RtcError(ErrorCode.INVALID_PARAMETER, "the track comes from another tab's engine");
            }
            if (track.kind() == MediaKind.AUDIO && media.microphone().isPresent()) {
                throw new RtcError(ErrorCode.NOT_SUPPORTED, "the stream of " + stream.getUserId() + " records a"
                        + " microphone of the machine; change it with switchDevice");
            }
            LocalStream.Capture taken = donor.give(track.kind());
            if (track.kind() == MediaKind.VIDEO) {
                stream.swapVideo((VideoCapture) taken.capture(), (VideoTrack) taken.track());
            } else {
                stream.swapAudio(media, (AudioCapture) taken.capture(), (AudioTrack) taken.track());
            }
            return CompletableFuture.completedFuture(null);
        } catch (RtcError e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
