package io.trtcsim.sdk;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCRtpCapabilities;
import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What TRTC.checkSystemRequirements() finds in this environment, where the harness is the browser:
 * WebRTC is libwebrtc (webrtc-java's native library) loading and a peer-connection factory being
 * made; media devices are webrtc-java's camera listing answering; codecs are the video codecs the
 * factory offers to send (encode) and to receive (decode). Every native object made is disposed: an
 * undisposed factory keeps the JVM alive.
 */
final class SystemCheck {

    private static final Logger log = LoggerFactory.getLogger(SystemCheck.class);

    private SystemCheck() {
    }

    static SystemRequirements run() {
        Codecs codecs = codecs();
        return SystemRequirements.of(new SystemRequirements.Detail(true, codecs != null, mediaDevicesAnswer(),
                codecs != null && codecs.encodes("H264"), codecs != null && codecs.encodes("VP8"),
                codecs != null && codecs.decodes("H264"), codecs != null && codecs.decodes("VP8")));
    }

    /** The video codec names a factory sends and receives, or null when libwebrtc cannot be loaded or a factory made. */
    private static Codecs codecs() {
        HeadlessAudioDeviceModule audioDevice = null;
        PeerConnectionFactory factory = null;
        try {
            // The headless module: the default one aborts the JVM on a machine without a sound card.
            audioDevice = new HeadlessAudioDeviceModule();
            factory = new PeerConnectionFactory(audioDevice);
            return new Codecs(names(factory.getRtpSenderCapabilities(MediaType.VIDEO)),
                    names(factory.getRtpReceiverCapabilities(MediaType.VIDEO)));
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: the native library is missing or does not load on this platform.
            log.warn("WebRTC is not supported here: {}", e.toString());
            return null;
        } finally {
            if (factory != null) {
                factory.dispose();
            }
            if (audioDevice != null) {
                audioDevice.dispose();
            }
        }
    }

    /**
     * Whether webrtc-java's device API answers. Only cameras are listed: its audio listing blocks
     * forever without a PulseAudio server (see {@link Devices}).
     */
    private static boolean mediaDevicesAnswer() {
        try {
            MediaDevices.getVideoCaptureDevices();
            return true;
        } catch (RuntimeException | LinkageError e) {
            log.warn("media devices are not supported here: {}", e.toString());
            return false;
        }
    }

    private static Set<String> names(RTCRtpCapabilities capabilities) {
        return capabilities.getCodecs().stream()
                .map(codec -> codec.getName().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Upper-case video codec names: sent (encodable) and received (decodable). */
    private record Codecs(Set<String> sent, Set<String> received) {
        boolean encodes(String name) {
            return sent.contains(name);
        }

        boolean decodes(String name) {
            return received.contains(name);
        }
    }
}
