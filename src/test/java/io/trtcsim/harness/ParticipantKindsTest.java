package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.trtcsim.media.InboundVideoStats;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.SharedMediaEngine;
import io.trtcsim.media.VideoRenderSink;
import io.trtcsim.media.metrics.DecodedVideoMetrics;
import io.trtcsim.media.metrics.VideoAnalyzer;
import io.trtcsim.media.metrics.VideoMetrics;
import io.trtcsim.sdk.Playback;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RoomId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Receive-only participants of both kinds on the embedded stack: they share one libwebrtc engine,
 * each measures alice's stream by its kind's path (sinks for FULL, libwebrtc's counters for
 * STATS_ONLY), the checks that need sinks refuse a stats-only participant by name, and closing the
 * scenario leaves no engine and no libwebrtc thread behind.
 */
class ParticipantKindsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long ROOM = 3377;

    /** The threads a libwebrtc engine starts for itself: signaling, worker, network (webrtc-java names them so). */
    private static long engineThreads() {
        return threadNames().filter(name -> name.startsWith("webrtc_jni_sign")).count();
    }

    /** Every native thread's name, from /proc (libwebrtc's own threads are not Java threads until they call in). */
    private static Stream<String> threadNames() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            List<String> names = new ArrayList<>();
            for (Path task : tasks.toList()) {
                try {
                    names.add(Files.readString(task.resolve("comm")).strip());
                } catch (IOException ended) {
                    // The thread ended between the listing and the read.
                }
            }
            return names.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The threads of running engines and their streams: every one must end with the scenario. */
    private static List<String> libwebrtcThreads() {
        return threadNames().filter(name -> name.startsWith("webrtc_") || name.startsWith("DecodingQueue")
                || name.startsWith("IncomingVideoSt") || name.startsWith("EncoderQueue")).sorted().toList();
    }

    /**
     * The idle task-queue thread of an audio device. webrtc-java 0.14.0 leaks one per engine that
     * ever had a peer connection: RTCPeerConnection.close() clears its handle without releasing the
     * native connection (JNI_RTCPeerConnection.cpp), which keeps the engine's audio device alive.
     */
    private static long audioDeviceBufferThreads() {
        return threadNames().filter(name -> name.startsWith("AudioDeviceBuff")).count();
    }

    @Test
    void receiveOnlyParticipantsShareOneEngineAndEachMeasuresByItsKind() {
        long enginesBefore = engineThreads();
        List<String> libwebrtcBefore = libwebrtcThreads();
        long audioDevicesBefore = audioDeviceBufferThreads();
        ScenarioContext scenario = ScenarioContext.with(HarnessConfig.load().with("harness.stack", "embedded"));
        Participants participants = new Participants(scenario);
        try {
            Signatures signatures = new Signatures(scenario);
            Participant alice = participants.namedOrNew("alice");
            alice.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("alice"));
            alice.join(RoomId.numeric(ROOM));
            alice.createLocalStream(Set.of(MediaKind.AUDIO, MediaKind.VIDEO));
            alice.initializeLocalStream();
            alice.publish();

            Map<String, Participant> receivers = new LinkedHashMap<>();
            for (String name : List.of("full1", "full2", "full3")) {
                receivers.put(name, participants.namedOrNew(name, ParticipantKind.FULL));
            }
            for (String name : List.of("stats1", "stats2", "stats3")) {
                receivers.put(name, participants.namedOrNew(name, ParticipantKind.STATS_ONLY));
            }
            for (Participant receiver : receivers.values()) {
                receiver.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor(receiver.userId()));
                receiver.subscribeToAndPlayEveryAddedStream();
                receiver.join(RoomId.numeric(ROOM));
            }
            // Through each kind's own path: sink frames for FULL, libwebrtc's framesDecoded for STATS_ONLY.
            receivers.values().forEach(receiver -> Expectations.rendersVideoFrames(receiver, "alice", 15, WAIT));

            // Alice's own engine and one shared by the six receivers.
            assertThat(engineThreads() - enginesBefore).as("libwebrtc engines running").isEqualTo(2);
            assertThat(participants.sharedReceiveEngine()).get().extracting(SharedMediaEngine::users)
                    .asList().containsExactlyInAnyOrder("full1", "full2", "full3", "stats1", "stats2", "stats3");

            // One window, measured by every receiver at once.
            long start = MediaClock.system().nowMicros();
            Map<String, InboundVideoStats> first = new LinkedHashMap<>();
            for (Participant statsOnly : List.of(receivers.get("stats1"), receivers.get("stats2"), receivers.get("stats3"))) {
                first.put(statsOnly.userId(), ReceivedVideoCounters.required(statsOnly, "alice"));
            }
            long end = start + 2_000_000;
            await("a window of 2 s").atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(50))
                    .until(() -> MediaClock.system().nowMicros() >= end);
            for (String name : List.of("full1", "full2", "full3")) {
                Playback playback = receivers.get(name).remoteStreamOf("alice").orElseThrow().playback().orElseThrow();
                VideoRenderSink sink = playback.video().orElseThrow();
                VideoMetrics video = new VideoAnalyzer().analyze(sink.frames(), start, end);
                assertThat(video.meanFps()).as(name + " frame rate from its sink").isGreaterThan(10);
                assertThat(video.latencyP95Millis()).as(name + " p95 latency from the markers").isBetween(1.0, 150.0);
                assertThat(playback.audio()).as(name + " plays audio into a sink").isPresent();
            }
            for (String name : first.keySet()) {
                Participant statsOnly = receivers.get(name);
                DecodedVideoMetrics decoded = DecodedVideoMetrics.between(first.get(name),
                        ReceivedVideoCounters.required(statsOnly, "alice"));
                assertThat(decoded.meanFps()).as(name + " frame rate from getStats").isGreaterThan(10);
                assertThat(decoded.bitrateKbps()).as(name + " bitrate from getStats").isGreaterThan(10);
                assertThat(decoded.width() + "x" + decoded.height()).as(name + " resolution from getStats").isEqualTo("320x180");
                Playback playback = statsOnly.remoteStreamOf("alice").orElseThrow().playback().orElseThrow();
                assertThat(playback.video()).as(name + " has no video sink").isEmpty();
                assertThat(playback.audio()).as(name + " has no audio sink").isEmpty();
            }

            // One shared playout pulls every receiver's audio: each FULL one hears alice.
            for (String name : List.of("full1", "full2", "full3")) {
                Expectations.receivesAudio(receivers.get(name), "alice", Duration.ofSeconds(5));
            }
            // The checks work from statistics where they can, and say why where they cannot.
            MediaChecks.frameRateAtLeast(receivers.get("stats1"), "alice", 10, Duration.ofSeconds(1));
            MediaChecks.resolution(receivers.get("stats2"), "alice", 320, 180, Duration.ofSeconds(2));
            assertThatThrownBy(() -> MediaChecks.videoLatencyAtMost(receivers.get("stats1"), "alice", 150, 95,
                    Duration.ofSeconds(1)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("stats1 is a stats-only participant: video latency needs frame markers"
                            + " (a FULL participant renders them)");
            assertThatThrownBy(() -> Expectations.receivesAudio(receivers.get("stats3"), "alice", Duration.ofSeconds(1)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("stats3 is a stats-only participant: audible audio needs an audio sink");
            // A receive-only participant does not publish on the engine the others depend on.
            assertThatThrownBy(() -> receivers.get("full1").createLocalStream(Set.of(MediaKind.VIDEO)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("full1 is a receive-only FULL participant on the scenario's shared engine");
        } finally {
            scenario.close();
        }
        assertThat(participants.sharedReceiveEngine()).get().extracting(SharedMediaEngine::isRunning)
                .as("the shared engine after the scenario").isEqualTo(false);
        await("every libwebrtc thread of the scenario to end").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(engineThreads()).as("engines").isEqualTo(enginesBefore);
                    assertThat(libwebrtcThreads()).as("libwebrtc threads").isEqualTo(libwebrtcBefore);
                    // Two engines ran (alice's and the shared one): two audio devices leak (see above),
                    // where six receivers with engines of their own would leak six.
                    assertThat(audioDeviceBufferThreads() - audioDevicesBefore).as("leaked audio devices").isEqualTo(2);
                });
    }

    @Test
    void theSharedEngineIsNotClosedUnderItsUsers() {
        long enginesBefore = engineThreads();
        SharedMediaEngine shared = new SharedMediaEngine("test-shared");
        SharedMediaEngine.Lease lease = shared.lease("carol");
        try {
            assertThat(shared.isRunning()).isTrue();
            assertThatThrownBy(shared::close)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("still used by [carol]");
            assertThat(shared.isRunning()).as("still running for carol").isTrue();
        } finally {
            lease.close();
            shared.close();
        }
        assertThat(shared.isRunning()).isFalse();
        assertThatThrownBy(() -> shared.lease("dave")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        await("the engine's threads to end").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(engineThreads()).isEqualTo(enginesBefore));
    }

    @Test
    void aNameTakenByAnotherKindIsAClearError() {
        try (ScenarioContext scenario = ScenarioContext.with(HarnessConfig.load().with("harness.stack", "embedded"))) {
            Participants participants = new Participants(scenario);
            participants.namedOrNew("erin", ParticipantKind.STATS_ONLY);
            assertThat(participants.namedOrNew("erin", ParticipantKind.STATS_ONLY).kind()).isEqualTo(ParticipantKind.STATS_ONLY);
            assertThatThrownBy(() -> participants.namedOrNew("erin", ParticipantKind.FULL))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("participant 'erin' exists already as STATS_ONLY on the shared receive engine");
            assertThat(participants.sharedReceiveEngine()).get().extracting(SharedMediaEngine::isRunning)
                    .as("no engine before a participant needs one").isEqualTo(false);
        }
    }
}
