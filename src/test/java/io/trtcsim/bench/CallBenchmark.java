package io.trtcsim.bench;

import static org.awaitility.Awaitility.await;

import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.HarnessConfig;
import io.trtcsim.harness.Operation;
import io.trtcsim.harness.Participant;
import io.trtcsim.harness.ParticipantNetworks;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.harness.Signatures;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.VideoProfile;
import io.trtcsim.network.Direction;
import io.trtcsim.sdk.RemoteStream;
import io.trtcsim.stack.StackUnavailableException;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RoomId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prints the basic call's numbers on one or more stacks in one run: join, publish and subscribe
 * times, time to the first rendered frame, capture-to-render latency (from the in-picture markers),
 * the received frame rate and audio latency, over several rounds, then the medians side by side.
 * <p>
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.trtcsim.bench.CallBenchmark
 * -Dexec.args="--rounds 3 --seconds 10 --profile 320x180@15 --stacks embedded,janus --markdown reports/basic-call-by-stack.md"}
 * <p>
 * {@code --uplink-loss 10} drops that share of alice's uplink packets (the stack's
 * emulation, or iptables' real loss on Janus)
 * from the first frame on, so the window measures the media under loss.
 * <p>
 * A stack that cannot run here (no janus, no Docker) is reported and left out; a round that fails
 * is printed and makes the exit status 1.
 */
public final class CallBenchmark {

    private static final long ROOM = 8888;

    private CallBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        BenchmarkCommandLine.main(new CallOptions(), args, CallBenchmark::run);
    }

    private static int run(CallOptions options) throws IOException {
        System.out.printf("basic call, %d rounds, %d s of media each, video %s, stacks %s%n",
                options.rounds, options.seconds, options.profile, String.join(", ", options.stacks));
        System.out.println("stack                round  join_ms  publish_ms  subscribe_ms  first_frame_ms  fps   freezes  lat_p50_ms  lat_p95_ms  lat_max_ms  audio_lat_p50_ms  audio_lat_p95_ms  audio_gaps");
        Map<String, List<CallFigures>> byStack = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        boolean failed = false;
        for (String stack : options.stacks) {
            List<CallFigures> rounds = new ArrayList<>();
            for (int round = 1; round <= options.rounds; round++) {
                HarnessConfig config = HarnessConfig.load().with("harness.stack", stack);
                try (ScenarioContext scenario = ScenarioContext.with(config)) {
                    CallFigures figures = measureBasicCall(scenario, options.profile, options.seconds,
                            options.uplinkLoss).figures();
                    rounds.add(figures);
                    System.out.println(row(stack, round, figures));
                } catch (StackUnavailableException | ParticipantNetworks.NotSupportedHereException
                        | io.trtcsim.harness.PacketLoss.PacketLossUnavailableException e) {
                    unavailable.put(stack, e.getMessage());
                    System.out.printf("%-20s cannot run here: %s%n", stack, e.getMessage());
                    break;
                } catch (IllegalArgumentException e) {
                    // A stack name or setting that is wrong: no later round would do better.
                    failed = true;
                    System.out.printf("%-20s FAILED: %s%n", stack, e.getMessage());
                    break;
                } catch (RuntimeException e) {
                    failed = true;
                    System.out.printf("%-20s %5d  FAILED: %s%n", stack, round, e);
                }
            }
            if (!rounds.isEmpty()) {
                byStack.put(stack, rounds);
            }
        }
        String table = StackComparison.markdown(options, byStack, unavailable);
        System.out.println();
        System.out.println(table);
        if (options.markdown.isPresent()) {
            Path file = options.markdown.get();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, table);
            System.out.println("written to " + file);
        }
        return failed ? 1 : 0;
    }

    /**
     * One basic call on the scenario's stack: alice publishes audio and video at {@code profile},
     * bob subscribes and plays; the window of {@code seconds} opens at bob's first frame (and, with
     * {@code uplinkLoss}, alice's uplink loses that share of its packets from then on).
     */
    static MeasuredCall measureBasicCall(ScenarioContext scenario, VideoProfile profile, int seconds, int uplinkLoss) {
        Participants participants = new Participants(scenario);
        Signatures signatures = new Signatures(scenario);
        ParticipantNetworks network = new ParticipantNetworks(scenario);
        if (uplinkLoss > 0 && !scenario.stack().capabilities().contains(io.trtcsim.stack.Capability.PACKET_LOSS)) {
            // Its media never passes where the harness drops packets: the figures would look lossless.
            throw new StackUnavailableException("the harness cannot drop packets on the way to stack "
                    + scenario.stack().name());
        }
        Participant alice = participants.namedOrNew("alice");
        Participant bob = participants.namedOrNew("bob");
        alice.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("alice"));
        bob.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("bob"));
        alice.join(RoomId.numeric(ROOM));
        alice.createLocalStream(Set.of(MediaKind.AUDIO, MediaKind.VIDEO), profile);
        alice.initializeLocalStream();
        alice.publish();
        bob.join(RoomId.numeric(ROOM));
        Expectations.receives(bob, ClientEvent.STREAM_ADDED, "alice", 1, Duration.ofSeconds(5));
        long subscribeStartMicros = MediaClock.system().nowMicros();
        bob.subscribeTo("alice");
        bob.playStreamOf("alice", "remote_stream-alice");
        RemoteStream remote = bob.remoteStreamOf("alice").orElseThrow();
        await("first frame").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                .until(() -> remote.playback().flatMap(p -> p.video()).map(v -> v.framesRendered() > 0).orElse(false));
        var sink = remote.playback().orElseThrow().video().orElseThrow();
        long firstFrameMicros = sink.frames().get(0).arrivalMicros();
        if (uplinkLoss > 0) {
            network.loses(alice, Direction.UPLINK, uplinkLoss);
        }
        // Under loss, frames may stop for a while (that is what is measured): the window is just time.
        MediaWindow window = MediaWindow.measure(sink, remote.playback().orElseThrow().audio().orElseThrow(), seconds,
                uplinkLoss == 0);
        var video = window.video();
        var audio = window.audio();
        return new MeasuredCall(new CallFigures(ms(alice.lastCallDuration(Operation.JOIN)), ms(alice.lastCallDuration(Operation.PUBLISH)),
                ms(bob.lastCallDuration(Operation.SUBSCRIBE)), (firstFrameMicros - subscribeStartMicros) / 1000.0,
                video.meanFps(), video.freezeCount(), video.latencyP50Millis(), video.latencyP95Millis(),
                video.latencyMaxMillis(), audio.latencyP50Millis(), audio.latencyP95Millis(), audio.gapCount()), window);
    }

    /** A basic call's figures, and the window they came from for whoever needs more of it. */
    record MeasuredCall(CallFigures figures, MediaWindow window) {
    }

    private static String row(String stack, int round, CallFigures f) {
        return String.format(Locale.ROOT, "%-20s %5d  %7d  %10d  %12d  %14.1f  %4.1f  %7d  %10.1f  %10.1f  %10.1f  %16.1f  %16.1f  %10d",
                stack, round, f.joinMillis(), f.publishMillis(), f.subscribeMillis(), f.firstFrameMillis(), f.fps(),
                f.freezes(), f.videoLatencyP50Millis(), f.videoLatencyP95Millis(), f.videoLatencyMaxMillis(),
                f.audioLatencyP50Millis(), f.audioLatencyP95Millis(), f.audioGaps());
    }

    private static long ms(Optional<Duration> duration) {
        return duration.map(Duration::toMillis).orElse(-1L);
    }
}
