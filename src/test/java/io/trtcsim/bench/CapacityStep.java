package io.trtcsim.bench;

import static org.awaitility.Awaitility.await;

import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.HarnessConfig;
import io.trtcsim.harness.Participant;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.harness.Signatures;
import io.trtcsim.media.InboundVideoStats;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.metrics.AudioAnalyzer;
import io.trtcsim.media.metrics.DecodedVideoMetrics;
import io.trtcsim.media.metrics.VideoAnalyzer;
import io.trtcsim.media.metrics.VideoMetrics;
import io.trtcsim.sdk.Playback;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RoomId;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One capacity step on the embedded stack, a scenario of its own closed at its end whatever
 * happened: alice publishes 320x180@15 with audio; a window with her alone is measured; then the
 * subscribers join at a steady pace (a few a second, as an audience arrives, rather than one after
 * the other's first frame), each subscribing and playing on stream-added/stream-subscribed; once all
 * of them render and a settling time has passed, one window is measured. A FULL subscriber is
 * measured from its sinks (frame rate, latency from the markers, freezes, audio latency), a
 * STATS_ONLY one from two readings of libwebrtc's counters at the window's ends.
 */
final class CapacityStep {

    private static final Duration FIRST_FRAME_WAIT = Duration.ofSeconds(30);
    private static final Duration READING_WAIT = Duration.ofSeconds(10);

    private final CapacityOptions options;

    CapacityStep(CapacityOptions options) {
        this.options = options;
    }

    CapacityFigures run(Audience audience, int subscriberCount, long room) {
        HarnessConfig config = HarnessConfig.load().with("harness.stack", "embedded");
        try (ScenarioContext scenario = ScenarioContext.with(config)) {
            Participants participants = new Participants(scenario);
            Signatures signatures = new Signatures(scenario);
            Participant alice = participants.namedOrNew("alice");
            alice.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("alice"));
            alice.join(RoomId.numeric(room));
            alice.createLocalStream(Set.of(MediaKind.AUDIO, MediaKind.VIDEO), FanOut.PROFILE);
            alice.initializeLocalStream();
            alice.publish();

            ProcessLoad aloneBefore = ProcessLoad.now();
            MediaWindow.waitFor(options.aloneSeconds);
            ProcessLoad aloneAfter = ProcessLoad.now();
            double aloneResident = ProcessLoad.residentMegabytes();
            long aloneThreads = ProcessLoad.nativeThreads();

            long began = System.nanoTime();
            List<Participant> subscribers = new ArrayList<>();
            for (int i = 0; i < subscriberCount; i++) {
                long turn = began + (long) (i * 1e9 / options.joinsPerSecond);
                String name = String.format(Locale.ROOT, "sub%03d", i + 1);
                await(name + "'s turn to join").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                        .until(() -> System.nanoTime() >= turn);
                Participant subscriber = audience.participant(participants, name);
                subscriber.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor(name));
                // Before the join: the stream-added of a stream published earlier arrives with it.
                subscriber.subscribeToAndPlayEveryAddedStream(options.media.kinds());
                subscriber.join(RoomId.numeric(room));
                subscribers.add(subscriber);
            }
            // Through each kind's own path: frames in its sink, or frames libwebrtc decoded.
            subscribers.forEach(subscriber -> Expectations.rendersVideoFrames(subscriber, "alice", 1, FIRST_FRAME_WAIT));
            double setupSeconds = (System.nanoTime() - began) / 1e9;
            MediaWindow.waitFor(options.settleSeconds);

            ProcessLoad before = ProcessLoad.now();
            long start = MediaClock.system().nowMicros();
            List<CompletableFuture<Optional<InboundVideoStats>>> first = readCounters(audience, subscribers);
            MediaWindow.waitFor(options.seconds);
            long end = MediaClock.system().nowMicros();
            ProcessLoad after = ProcessLoad.now();
            double resident = ProcessLoad.residentMegabytes();
            long threads = ProcessLoad.nativeThreads();
            double heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
            List<CompletableFuture<Optional<InboundVideoStats>>> last = readCounters(audience, subscribers);

            double[] fps = new double[subscribers.size()];
            double[] p95 = new double[subscribers.size()];
            double[] audioP95 = new double[subscribers.size()];
            long[] freezes = new long[subscribers.size()];
            for (int i = 0; i < subscribers.size(); i++) {
                Participant subscriber = subscribers.get(i);
                if (audience.measuresLatency()) {
                    Playback playback = subscriber.remoteStreamOf("alice").orElseThrow().playback().orElseThrow();
                    VideoMetrics video = new VideoAnalyzer().analyze(playback.video().orElseThrow().frames(), start, end);
                    fps[i] = video.meanFps();
                    p95[i] = video.latencyP95Millis();
                    freezes[i] = video.freezeCount();
                    audioP95[i] = playback.audio().map(audio -> new AudioAnalyzer().analyze(audio.chunks(), start, end)
                            .latencyP95Millis()).orElse(Double.NaN);
                } else {
                    DecodedVideoMetrics decoded = DecodedVideoMetrics.between(reading(subscriber, first.get(i)),
                            reading(subscriber, last.get(i)));
                    fps[i] = decoded.meanFps();
                    p95[i] = Double.NaN;
                    freezes[i] = decoded.freezeCount();
                    audioP95[i] = Double.NaN;
                }
            }
            return new CapacityFigures(audience, subscribers.size(), Arrays.stream(fps).min().orElse(Double.NaN),
                    FanOut.median(fps), worst(p95), FanOut.median(p95), Arrays.stream(freezes).sum(),
                    Arrays.stream(freezes).max().orElse(0), worst(audioP95), after.processCoresSince(before),
                    aloneAfter.processCoresSince(aloneBefore), after.simulatorCoresSince(before),
                    after.otherCoresSince(before), resident, aloneResident, heapUsed, threads, aloneThreads, setupSeconds);
        }
    }

    /** The counters of every stats-only subscriber, asked for at once (none for sink-measured ones). */
    private static List<CompletableFuture<Optional<InboundVideoStats>>> readCounters(Audience audience,
                                                                                  List<Participant> subscribers) {
        if (audience.measuresLatency()) {
            return List.of();
        }
        return subscribers.stream().map(subscriber -> subscriber.client().receivedVideoStats("alice")).toList();
    }

    private static InboundVideoStats reading(Participant subscriber,
                                             CompletableFuture<Optional<InboundVideoStats>> pending) {
        try {
            return pending.get(READING_WAIT.toMillis(), TimeUnit.MILLISECONDS).orElseThrow(() -> new AssertionError(
                    subscriber + ": libwebrtc reports no inbound video from alice"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(subscriber + ": interrupted while reading its statistics");
        } catch (Exception e) {
            throw new AssertionError(subscriber + ": its statistics could not be read: " + e, e);
        }
    }

    /** The highest value; NaN when any is NaN (a subscriber without a measurement is not a good one). */
    private static double worst(double[] values) {
        return Arrays.stream(values).reduce(Double.NEGATIVE_INFINITY, (a, b) -> Double.isNaN(a) || Double.isNaN(b)
                ? Double.NaN : Math.max(a, b));
    }
}
