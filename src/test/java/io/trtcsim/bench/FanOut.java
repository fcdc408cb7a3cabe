package io.trtcsim.bench;

import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.HarnessConfig;
import io.trtcsim.harness.Participant;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.harness.Signatures;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.VideoProfile;
import io.trtcsim.media.VideoRenderSink;
import io.trtcsim.media.metrics.VideoAnalyzer;
import io.trtcsim.media.metrics.VideoMetrics;
import io.trtcsim.sdk.RemoteStream;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One fan-out step on one stack: alice publishes at 320x180@15, then subscribers join one after
 * the other, each subscribing to and playing her stream as TRTC's documentation does (on
 * stream-added, on stream-subscribed), and once all of them render, one window is measured. Each
 * step is a scenario of its own, closed at its end whatever happened, so a step starts from no
 * participant at all and its threads and memory are its own plus what the JVM kept.
 */
final class FanOut {

    static final VideoProfile PROFILE = new VideoProfile(320, 180, 15);
    /**
     * How long one subscriber may take from its join to its first frame. Subscribers come up one at
     * a time: 40 libwebrtc engines negotiating at once on two cores would measure the pile-up, not
     * the fan-out. A subscriber needs well under a second here; ten leaves room for a busy machine.
     */
    private static final Duration FIRST_FRAME_WAIT = Duration.ofSeconds(10);

    private final String stack;
    private final int seconds;
    private final boolean videoOnly;

    /**
     * With {@code videoOnly} the subscribers take alice's video alone (subscribe(stream, {audio:
     * false})): it shows what the stack forwards when the harness's own audio playout, one per
     * libwebrtc engine, is not what runs out of CPU first.
     */
    FanOut(String stack, int seconds, boolean videoOnly) {
        this.stack = stack;
        this.seconds = seconds;
        this.videoOnly = videoOnly;
    }

    FanOutFigures step(int subscriberCount, long room) {
        long began = System.nanoTime();
        HarnessConfig config = HarnessConfig.load().with("harness.stack", stack);
        try (ScenarioContext scenario = ScenarioContext.with(config)) {
            Participants participants = new Participants(scenario);
            Signatures signatures = new Signatures(scenario);
            Participant alice = participants.namedOrNew("alice");
            alice.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("alice"));
            alice.join(RoomId.numeric(room));
            alice.createLocalStream(Set.of(MediaKind.AUDIO, MediaKind.VIDEO), PROFILE);
            alice.initializeLocalStream();
            alice.publish();
            List<Participant> subscribers = new ArrayList<>();
            for (int i = 1; i <= subscriberCount; i++) {
                Participant subscriber = participants.namedOrNew(String.format(Locale.ROOT, "sub%02d", i));
                subscriber.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor(subscriber.userId()));
                if (videoOnly) {
                    subscriber.join(RoomId.numeric(room));
                    Expectations.receives(subscriber, ClientEvent.STREAM_ADDED, "alice", 1, FIRST_FRAME_WAIT);
                    subscriber.subscribeTo("alice", MediaKind.VIDEO);
                    subscriber.playStreamOf("alice", "remote_stream-alice_main");
                } else {
                    // Before the join: the stream-added of a stream published earlier arrives with the join.
                    subscriber.subscribeToAndPlayEveryAddedStream();
                    subscriber.join(RoomId.numeric(room));
                }
                Expectations.rendersVideoFrames(subscriber, "alice", 1, FIRST_FRAME_WAIT);
                subscribers.add(subscriber);
            }
            double setupSeconds = (System.nanoTime() - began) / 1e9;

            ProcessLoad before = ProcessLoad.now();
            long start = MediaClock.system().nowMicros();
            MediaWindow.waitFor(seconds);
            long end = MediaClock.system().nowMicros();
            ProcessLoad after = ProcessLoad.now();
            // Read before the teardown: afterwards they would describe the teardown.
            double resident = ProcessLoad.residentMegabytes();
            long threads = ProcessLoad.nativeThreads();

            double[] fps = new double[subscribers.size()];
            double[] p95 = new double[subscribers.size()];
            double[] firstFrame = new double[subscribers.size()];
            for (int i = 0; i < subscribers.size(); i++) {
                RemoteStream remote = subscribers.get(i).remoteStreamOf("alice").orElseThrow();
                VideoRenderSink sink = remote.playback().orElseThrow().video().orElseThrow();
                VideoMetrics video = new VideoAnalyzer().analyze(sink.frames(), start, end);
                fps[i] = video.meanFps();
                p95[i] = video.latencyP95Millis();
                firstFrame[i] = (sink.frames().get(0).arrivalMicros() - remote.subscribeStartedMicros()) / 1000.0;
            }
            boolean inThisJvm = stack.equals("embedded");
            return new FanOutFigures(stack, subscribers.size(), Arrays.stream(fps).min().orElse(Double.NaN),
                    median(fps), Arrays.stream(p95).reduce(Double.NEGATIVE_INFINITY, Math::max), median(p95),
                    after.processCoresSince(before), inThisJvm ? after.simulatorCoresSince(before) : Double.NaN,
                    after.otherCoresSince(before), resident, threads, median(firstFrame), Arrays.stream(firstFrame).max().orElse(Double.NaN),
                    setupSeconds);
        }
    }

    /** The median; NaN values (a subscriber without any latency) sort last. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
