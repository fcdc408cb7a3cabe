package io.trtcsim.bench;

import static org.awaitility.Awaitility.await;

import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.trtcsim.media.AudioRenderSink;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.MediaEngine;
import io.trtcsim.media.PeerLink;
import io.trtcsim.media.SyntheticAudioSource;
import io.trtcsim.media.SyntheticVideoSource;
import io.trtcsim.media.VideoProfile;
import io.trtcsim.media.VideoRenderSink;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The baseline without a stack: one peer connection from alice straight to bob in this JVM, each
 * end in its own libwebrtc engine as two participants have, offer and answer handed over directly
 * (no trickle: each description carries its candidates). Alice sends the project's synthetic camera
 * and microphone, bob renders into the project's sinks: the same media at both ends as a call
 * through a stack, so the difference between the two is what the stack adds.
 * <p>
 * One call per instance; {@link #close} releases whatever was set up, in the order the SDK uses.
 */
final class DirectCall implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_FRAME_TIMEOUT = Duration.ofSeconds(10);

    private final VideoProfile profile;
    private final MediaClock clock = MediaClock.system();
    private final MediaEngine aliceEngine;
    private final MediaEngine bobEngine;
    private final VideoRenderSink videoSink;
    private final AudioRenderSink audioSink;
    private SyntheticVideoSource camera;
    private SyntheticAudioSource microphone;
    private VideoTrack cameraTrack;
    private AudioTrack microphoneTrack;
    private PeerLink aliceLink;
    private PeerLink bobLink;
    private volatile VideoTrack remoteVideo;
    private volatile AudioTrack remoteAudio;

    DirectCall(VideoProfile profile) {
        this.profile = profile;
        this.videoSink = new VideoRenderSink("direct-bob", clock);
        this.audioSink = new AudioRenderSink(clock);
        this.aliceEngine = new MediaEngine("direct-alice");
        try {
            this.bobEngine = new MediaEngine("direct-bob");
        } catch (RuntimeException e) {
            aliceEngine.close();
            throw e;
        }
    }

    /** Sets the call up, waits for bob's first frame, then measures a window of {@code seconds}. */
    LatencyFigures measure(int seconds) {
        // Capture runs before the call, as an initialized LocalStream's does before publish.
        camera = new SyntheticVideoSource("direct-alice", profile, clock);
        microphone = new SyntheticAudioSource("direct-alice", aliceEngine, clock);
        cameraTrack = aliceEngine.createVideoTrack("video-alice", camera.source());
        microphoneTrack = aliceEngine.createAudioTrack("audio-alice", microphone.source());
        camera.start();
        microphone.start();

        aliceLink = aliceEngine.createPeerLink("direct alice");
        // Separate stream ids, as LocalStream.sendOn does: a shared one makes the receiver delay
        // video for lip-sync, which no path through a stack here would show.
        aliceLink.addTrack(cameraTrack, "video-alice");
        aliceLink.addTrack(microphoneTrack, "audio-alice");
        bobLink = bobEngine.createPeerLink("direct bob");
        bobLink.onTrack(transceiver -> attach(transceiver.getReceiver().getTrack()));

        long offeredMicros = clock.nowMicros();
        // alice sends audio: her engine's pushes are held while the connection comes up (MediaEngine.withAudioHeld).
        aliceLink.createOffer()
                .thenCompose(bobLink::acceptOffer)
                .thenCompose(answer -> aliceLink.acceptAnswerAndConnect(answer, true, CONNECT_TIMEOUT))
                .thenCompose(ignored -> bobLink.connected())
                .orTimeout(CONNECT_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS)
                .join();
        await("bob's first frame of the direct call").atMost(FIRST_FRAME_TIMEOUT).pollInterval(Duration.ofMillis(1))
                .until(() -> videoSink.framesRendered() > 0);
        long firstFrameMicros = videoSink.frames().get(0).arrivalMicros();
        MediaWindow window = MediaWindow.measure(videoSink, audioSink, seconds, true);
        return LatencyFigures.of("direct", window, (firstFrameMicros - offeredMicros) / 1000.0);
    }

    /** On libwebrtc's signaling thread, before media flows: sinks are attached once (design notes). */
    private void attach(MediaStreamTrack track) {
        if (track instanceof VideoTrack video) {
            remoteVideo = video;
            video.addSink(videoSink);
        } else if (track instanceof AudioTrack audio) {
            remoteAudio = audio;
            audio.addSink(audioSink);
        }
    }

    /**
     * The sinks come off bob's tracks while his connection still owns them (a removeSink after the
     * close crashed the JVM once, design notes); alice's connection removes its senders before it
     * closes; sources stop before their tracks are disposed; the engines go last.
     */
    @Override
    public void close() {
        if (remoteVideo != null) {
            remoteVideo.removeSink(videoSink);
        }
        if (remoteAudio != null) {
            remoteAudio.removeSink(audioSink);
        }
        if (bobLink != null) {
            bobLink.close();
        }
        if (aliceLink != null) {
            aliceLink.close();
        }
        if (camera != null) {
            camera.close();
        }
        if (microphone != null) {
            microphone.close();
        }
        if (cameraTrack != null) {
            cameraTrack.dispose();
        }
        if (microphoneTrack != null) {
            microphoneTrack.dispose();
        }
        try {
            bobEngine.close();
        } finally {
            aliceEngine.close();
        }
    }
}
