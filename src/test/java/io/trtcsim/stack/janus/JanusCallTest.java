package io.trtcsim.stack.janus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trtcsim.media.AudioRenderSink;
import io.trtcsim.media.MediaClock;
import io.trtcsim.media.RenderedFrame;
import io.trtcsim.media.VideoRenderSink;
import io.trtcsim.media.metrics.AudioAnalyzer;
import io.trtcsim.media.metrics.AudioMetrics;
import io.trtcsim.media.metrics.VideoAnalyzer;
import io.trtcsim.media.metrics.VideoMetrics;
import io.trtcsim.sdk.Client;
import io.trtcsim.sdk.ClientConfig;
import io.trtcsim.sdk.JoinOptions;
import io.trtcsim.sdk.LocalStream;
import io.trtcsim.sdk.RemoteStream;
import io.trtcsim.sdk.SdkOptions;
import io.trtcsim.sdk.StreamConfig;
import io.trtcsim.sdk.TRTC;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Two participants call each other through a real Janus, driven by the SDK exactly as an app
 * drives TRTC: join, createStream, initialize, publish; subscribe on stream-added, play on
 * stream-subscribed. Prints the timings docs/janus.md quotes.
 */
class JanusCallTest {

    private static final long SDK_APP_ID = 1400000001L;
    private static final long ROOM = 4242;
    private static final Duration CALL = Duration.ofSeconds(15);
    private static final Duration MEASURED = Duration.ofSeconds(5);
    private static final long FRAMES = 30;
    /** 100 ms of sound at 48 kHz. */
    private static final long AUDIBLE_SAMPLES = 4800;
    private static final VideoAnalyzer VIDEO = new VideoAnalyzer();
    private static final AudioAnalyzer AUDIO = new AudioAnalyzer();

    private final Deque<AutoCloseable> teardown = new ArrayDeque<>();
    private volatile JanusStack janus;

    /** Runs before the teardown, while Janus's log still exists. */
    @RegisterExtension
    final TestExecutionExceptionHandler printJanusLogOnFailure = (context, failure) -> {
        JanusStack current = janus;
        if (current != null) {
            System.out.println("the end of Janus's log:\n" + String.join("\n", current.logLines(RoomId.numeric(ROOM))));
        }
        throw failure;
    };

    private RecordingStack startJanus() {
        janus = JanusStack.start();
        return closeLater(new RecordingStack(janus));
    }

    @AfterEach
    void releaseInReverseOrder() throws Exception {
        Exception first = null;
        while (!teardown.isEmpty()) {
            try {
                teardown.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        teardown.push(resource);
        return resource;
    }

    /** One browser tab with one client that subscribes to and plays every stream added, as TRTC's guide does. */
    private record Caller(String userId, TRTC tab, Client client, List<Throwable> handlerFailures) {

        static Caller of(String userId, RecordingStack stack, Deque<AutoCloseable> teardown) {
            TRTC tab = new TRTC(userId, stack, SdkOptions.defaults());
            teardown.push(tab);
            Client client = tab.createClient(new ClientConfig(Mode.RTC, SDK_APP_ID, userId, "unused-by-janus"));
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            client.on("stream-added", event -> client.subscribe(event.stream()).whenComplete((ok, failure) -> {
                if (failure != null) {
                    failures.add(failure);
                }
            }));
            client.on("stream-subscribed", event -> event.stream().play("remote_stream-" + event.stream().getId()));
            return new Caller(userId, tab, client, failures);
        }

        long joinMillis() throws Exception {
            long start = System.nanoTime();
            client.join(JoinOptions.room(ROOM)).get(CALL.toMillis(), TimeUnit.MILLISECONDS);
            return (System.nanoTime() - start) / 1_000_000;
        }

        long publishMillis() throws Exception {
            LocalStream stream = tab.createStream(StreamConfig.of(userId, true, true));
            stream.initialize().get(CALL.toMillis(), TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            client.publish(stream).get(CALL.toMillis(), TimeUnit.MILLISECONDS);
            return (System.nanoTime() - start) / 1_000_000;
        }

        Optional<RemoteStream> streamOf(String publisher) {
            return client.remoteStreamHistory().stream().filter(s -> s.getUserId().equals(publisher)).reduce((a, b) -> b);
        }

        Optional<VideoRenderSink> videoOf(String publisher) {
            return streamOf(publisher).flatMap(RemoteStream::playback).flatMap(p -> p.video());
        }

        Optional<AudioRenderSink> audioOf(String publisher) {
            return streamOf(publisher).flatMap(RemoteStream::playback).flatMap(p -> p.audio());
        }

        long received(ClientEvent event, String from) {
            return client.journal().count(event, from);
        }

        String events() {
            return userId + "'s events:\n" + client.journal().describe() + "\nhandler failures: " + handlerFailures;
        }
    }

    @Test
    void twoParticipantsSeeAndHearEachOtherAndTheLeaveIsAnnounced() throws Exception {
        JanusInstalled.assumeInstalled();
        RecordingStack stack = startJanus();
        Caller alice = Caller.of("alice", stack, teardown);
        Caller bob = Caller.of("bob", stack, teardown);

        // Alice is alone and publishes first: bob learns of her from Janus's 'joined' reply, she of
        // him from the 'joining' and 'publishers' notifications.
        long aliceJoin = alice.joinMillis();
        long alicePublish = alice.publishMillis();
        long bobJoin = bob.joinMillis();
        long bobPublish = bob.publishMillis();

        await("alice: peer-join, stream-added, stream-subscribed from bob").atMost(CALL)
                .failFast(() -> !alice.handlerFailures().isEmpty())
                .untilAsserted(() -> assertThat(List.of(alice.received(ClientEvent.PEER_JOIN, "bob"),
                        alice.received(ClientEvent.STREAM_ADDED, "bob"), alice.received(ClientEvent.STREAM_SUBSCRIBED, "bob")))
                        .as(alice.events()).containsOnly(1L));
        await("bob: peer-join, stream-added, stream-subscribed from alice").atMost(CALL)
                .failFast(() -> !bob.handlerFailures().isEmpty())
                .untilAsserted(() -> assertThat(List.of(bob.received(ClientEvent.PEER_JOIN, "alice"),
                        bob.received(ClientEvent.STREAM_ADDED, "alice"), bob.received(ClientEvent.STREAM_SUBSCRIBED, "alice")))
                        .as(bob.events()).containsOnly(1L));

        await("bob renders " + FRAMES + " marked frames of alice").atMost(CALL).until(() -> bob.videoOf("alice")
                .map(sink -> sink.frames().stream().filter(RenderedFrame::hasMarker).count() >= FRAMES).orElse(false));
        await("alice renders " + FRAMES + " marked frames of bob").atMost(CALL).until(() -> alice.videoOf("bob")
                .map(sink -> sink.frames().stream().filter(RenderedFrame::hasMarker).count() >= FRAMES).orElse(false));
        await("bob hears alice").atMost(CALL).until(() -> bob.audioOf("alice")
                .map(sink -> sink.audibleSamples() >= AUDIBLE_SAMPLES).orElse(false));
        await("alice hears bob").atMost(CALL).until(() -> alice.audioOf("bob")
                .map(sink -> sink.audibleSamples() >= AUDIBLE_SAMPLES).orElse(false));

        // Janus answers and offers whole descriptions: the SDK never trickles, so they must carry candidates.
        assertThat(stack.answers()).hasSize(2).allSatisfy(sdp -> assertThat(sdp).contains("a=candidate:"));
        assertThat(stack.offers()).hasSize(2).allSatisfy(sdp -> assertThat(sdp).contains("a=candidate:"));

        Duration janusCpuBefore = janusCpu();
        long measureFrom = MediaClock.system().nowMicros();
        long measureTo = measureFrom + MEASURED.toNanos() / 1000;
        await("bob renders " + MEASURED.toSeconds() + " s more of alice").atMost(CALL).until(() ->
                MediaClock.system().nowMicros() >= measureTo);
        double janusCpuPercent = 100.0 * janusCpu().minus(janusCpuBefore).toMillis() / MEASURED.toMillis();
        VideoRenderSink aliceAtBob = bob.videoOf("alice").orElseThrow();
        VideoMetrics metrics = VIDEO.analyze(aliceAtBob.frames(), measureFrom, measureTo);
        double firstFrame = VIDEO.firstFrameDelayMillis(aliceAtBob.frames(),
                bob.streamOf("alice").orElseThrow().subscribeStartedMicros()).orElse(Double.NaN);
        AudioMetrics sound = AUDIO.analyze(bob.audioOf("alice").orElseThrow().chunks(), measureFrom, measureTo);
        System.out.printf(Locale.ROOT, "janus call: join alice %d ms, bob %d ms; publish (answer + connected + audio "
                        + "sending) alice %d ms, bob %d ms; Janus's publish answers after %s ms, subscribe offers after "
                        + "%s ms; first frame of alice at bob %.0f ms after subscribe; Janus used %.1f%% of a core; %s; %s%n",
                aliceJoin, bobJoin, alicePublish, bobPublish, stack.answerMillis(), stack.offerMillis(), firstFrame,
                janusCpuPercent, metrics.describe(), sound.describe());
        assertThat(metrics.framesWithoutMarker()).as("frames with unreadable markers").isZero();
        assertThat(metrics.meanFps()).as("fps of alice at bob").isGreaterThan(10);

        alice.client().leave().get(CALL.toMillis(), TimeUnit.MILLISECONDS);
        await("bob: stream-removed, then peer-leave from alice").atMost(CALL).untilAsserted(() ->
                assertThat(bob.client().journal().entries().stream()
                        .filter(e -> "alice".equals(e.userId()))
                        .map(e -> e.event().eventName()).toList())
                        .as(bob.events())
                        .containsSubsequence("stream-removed", "peer-leave"));
        assertThat(bob.handlerFailures()).isEmpty();
        assertThat(alice.handlerFailures()).isEmpty();
    }

    private Duration janusCpu() {
        return janus.process().flatMap(p -> ProcessHandle.of(p.pid())).flatMap(p -> p.info().totalCpuDuration())
                .orElse(Duration.ZERO);
    }

    @Test
    void aDroppedConnectionIsALeaveForTheOthers() throws Exception {
        JanusInstalled.assumeInstalled();
        RecordingStack stack = startJanus();
        Caller alice = Caller.of("alice", stack, teardown);
        Caller bob = Caller.of("bob", stack, teardown);
        alice.joinMillis();
        bob.joinMillis();
        bob.publishMillis();
        await("alice subscribes to bob").atMost(CALL)
                .until(() -> alice.received(ClientEvent.STREAM_SUBSCRIBED, "bob") == 1);

        assertThat(bob.received(ClientEvent.PEER_JOIN, "alice")).as("alice, present but not publishing, is announced to bob")
                .isEqualTo(1);

        bob.client().dropSignaling();

        await("alice: stream-removed, then peer-leave from bob").atMost(CALL).untilAsserted(() ->
                assertThat(alice.client().journal().entries().stream()
                        .filter(e -> "bob".equals(e.userId()))
                        .map(e -> e.event().eventName()).toList())
                        .as(alice.events())
                        .containsSubsequence("peer-join", "stream-added", "stream-subscribed", "stream-removed", "peer-leave"));
    }

    @Test
    void anUnpublishedStreamIsRemovedAndAddedAgainWhenPublishedAgain() throws Exception {
        JanusInstalled.assumeInstalled();
        RecordingStack stack = startJanus();
        Caller alice = Caller.of("alice", stack, teardown);
        Caller bob = Caller.of("bob", stack, teardown);
        alice.joinMillis();
        bob.joinMillis();
        LocalStream stream = alice.tab().createStream(StreamConfig.of("alice", true, true));
        stream.initialize().get(CALL.toMillis(), TimeUnit.MILLISECONDS);
        alice.client().publish(stream).get(CALL.toMillis(), TimeUnit.MILLISECONDS);
        await("bob subscribes to alice").atMost(CALL)
                .until(() -> bob.received(ClientEvent.STREAM_SUBSCRIBED, "alice") == 1);

        alice.client().unpublish(stream).get(CALL.toMillis(), TimeUnit.MILLISECONDS);
        await("bob: stream-removed from alice").atMost(CALL)
                .until(() -> bob.received(ClientEvent.STREAM_REMOVED, "alice") == 1);
        alice.client().publish(stream).get(CALL.toMillis(), TimeUnit.MILLISECONDS);

        await("bob: stream-added and stream-subscribed from alice again").atMost(CALL).untilAsserted(() ->
                assertThat(List.of(bob.received(ClientEvent.STREAM_ADDED, "alice"),
                        bob.received(ClientEvent.STREAM_SUBSCRIBED, "alice"))).as(bob.events()).containsOnly(2L));
        long before = bob.videoOf("alice").map(VideoRenderSink::framesRendered).orElse(0L);
        await("bob renders alice's republished stream").atMost(CALL).until(() ->
                bob.videoOf("alice").map(VideoRenderSink::framesRendered).orElse(0L) >= before + FRAMES);
        assertThat(bob.received(ClientEvent.PEER_LEAVE, "alice")).isZero();
        assertThat(bob.handlerFailures()).isEmpty();
    }
}
