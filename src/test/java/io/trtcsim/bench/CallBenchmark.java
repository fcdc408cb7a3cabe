package io.trtcsim.bench;

import static org.awaitility.Awaitility.await;

import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.Participant;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.media.RenderedFrame;
import io.trtcsim.media.VideoProfile;
import io.trtcsim.sdk.RemoteStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the basic call's numbers against the embedded simulator: join, publish and subscribe
 * times, time to the first rendered frame, capture-to-render latency through the relay (from the
 * in-picture markers) and the received frame rate, over several rounds.
 * <p>
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.trtcsim.bench.CallBenchmark -Dexec.args="5 10 640x360@30"}
 * (rounds, seconds of media measured per round, video profile).
 */
public final class CallBenchmark {

    private CallBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        VideoProfile profile = args.length > 2 ? parseProfile(args[2]) : VideoProfile.DEFAULT;
        System.out.printf("basic call, %d rounds, %d s of media each, video %s, embedded simulator%n",
                rounds, seconds, profile);
        System.out.println("round  join_ms  publish_ms  subscribe_ms  first_frame_ms  fps   freezes  lat_p50_ms  lat_p95_ms  lat_max_ms  audio_lat_p50_ms  audio_lat_p95_ms  audio_gaps");
        for (int round = 1; round <= rounds; round++) {
            try (ScenarioContext scenario = new ScenarioContext()) {
                runRound(round, seconds, profile, scenario);
            }
        }
        System.exit(0);
    }

    private static VideoProfile parseProfile(String text) {
        String[] parts = text.split("[x@]");
        return new VideoProfile(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    private static void runRound(int round, int seconds, VideoProfile profile, ScenarioContext scenario) {
        Participant alice = scenario.participantOrNew("alice");
        Participant bob = scenario.participantOrNew("bob");
        alice.createClient("rtc", scenario.sdkAppId(), scenario.userSigFor("alice"));
        bob.createClient("rtc", scenario.sdkAppId(), scenario.userSigFor("bob"));
        alice.join(8888);
        alice.createLocalStream(true, true, profile);
        alice.initializeLocalStream();
        alice.publish();
        bob.join(8888);
        Expectations.receives(bob, io.trtcsim.sdk.ClientEvent.STREAM_ADDED, "alice", 1, Duration.ofSeconds(5));
        long subscribeStartMicros = io.trtcsim.media.MediaClock.system().nowMicros();
        bob.subscribeTo("alice");
        bob.playStreamOf("alice", "remote_stream-alice");
        RemoteStream remote = bob.remoteStreamOf("alice").orElseThrow();
        await("first frame").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                .until(() -> remote.playback().flatMap(p -> p.video()).map(v -> v.framesRendered() > 0).orElse(false));
        var sink = remote.playback().orElseThrow().video().orElseThrow();
        long firstFrameMicros = sink.frames().get(0).arrivalMicros();
        int before = sink.frames().size();
        long windowStart = io.trtcsim.media.MediaClock.system().nowMicros();
        // The measurement window: frames must keep arriving throughout it.
        await("frames keep arriving for " + seconds + " s").during(Duration.ofSeconds(seconds))
                .atMost(Duration.ofSeconds(seconds + 1)).pollInterval(Duration.ofMillis(500))
                .until(() -> sink.lastFrame().map(f -> io.trtcsim.media.MediaClock.system().nowMicros() - f.arrivalMicros() < 500_000)
                        .orElse(false));
        List<RenderedFrame> window = sink.frames().subList(before, sink.frames().size());
        long windowEnd = io.trtcsim.media.MediaClock.system().nowMicros();
        var video = new io.trtcsim.media.metrics.VideoAnalyzer().analyze(sink.frames(), windowStart, windowEnd);
        var audio = new io.trtcsim.media.metrics.AudioAnalyzer().analyze(
                remote.playback().orElseThrow().audio().orElseThrow().chunks(), windowStart, windowEnd);
        List<Long> latencies = new ArrayList<>();
        for (RenderedFrame frame : window) {
            if (frame.hasMarker()) {
                latencies.add(frame.latencyMicros());
            }
        }
        latencies.sort(Long::compare);
        double fps = window.size() < 2 ? 0 : (window.size() - 1)
                / ((window.get(window.size() - 1).arrivalMicros() - window.get(0).arrivalMicros()) / 1e6);
        System.out.println(String.format(Locale.ROOT, "%5d  %7d  %10d  %12d  %14.1f  %4.1f  %7d  %10.1f  %10.1f  %10.1f  %16.1f  %16.1f  %10d",
                round, ms(alice.lastCallDuration("join")), ms(alice.lastCallDuration("publish")),
                ms(bob.lastCallDuration("subscribe")), (firstFrameMicros - subscribeStartMicros) / 1000.0, fps,
                video.freezeCount(), percentile(latencies, 0.50) / 1000.0, percentile(latencies, 0.95) / 1000.0,
                latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1) / 1000.0,
                audio.latencyP50Millis(), audio.latencyP95Millis(), audio.gapCount()));
    }

    private static long ms(java.util.Optional<Duration> duration) {
        return duration.map(Duration::toMillis).orElse(-1L);
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
