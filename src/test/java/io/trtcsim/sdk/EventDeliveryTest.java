package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trtcsim.trtc.ClientEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ClientRuntime runtime = ClientRuntime.create();
    private final EventDelivery events = new EventDelivery("alice", new EventJournal(System.nanoTime()), runtime.pool());
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        events.close();
        runtime.close();
    }

    private List<ClientEvent> journaled() {
        return events.journal().entries().stream().map(JournalEntry::event).toList();
    }

    @Test
    void handlersRunOneAtATimeInTheOrderEventsWereEmittedNeverOnTheEmittingThread() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch allEmitted = new CountDownLatch(1);
        Consumer<TrtcEvent> slowHandler = event -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            threads.add(Thread.currentThread());
            seen.add(event.type().eventName() + " " + event.userId());
            // The first handler holds on until every event is queued: the pool's idle threads would
            // take the next ones meanwhile, were that allowed.
            await("every event emitted").atMost(WAIT).until(() -> allEmitted.getCount() == 0);
            running.decrementAndGet();
        };
        events.on(ClientEvent.PEER_JOIN, slowHandler);
        events.on(ClientEvent.PEER_LEAVE, slowHandler);

        for (String user : List.of("bob", "carol", "dave", "erin")) {
            events.emit(ClientEvent.PEER_JOIN, user, null, EventPayload.NONE);
            events.emit(ClientEvent.PEER_LEAVE, user, null, EventPayload.NONE);
        }
        allEmitted.countDown();
        events.awaitDelivered();

        assertThat(seen).containsExactly("peer-join bob", "peer-leave bob", "peer-join carol", "peer-leave carol",
                "peer-join dave", "peer-leave dave", "peer-join erin", "peer-leave erin");
        assertThat(overlaps).as("handlers that ran while another was running").hasValue(0);
        assertThat(threads).hasSize(8).doesNotContain(Thread.currentThread());
        assertThat(journaled()).hasSize(8).startsWith(ClientEvent.PEER_JOIN, ClientEvent.PEER_LEAVE);
    }

    @Test
    void manyClientsOnOneRuntimeEachGetTheirEventsInOrderOneAtATime() {
        int clients = 200;
        int perClient = 50;
        List<EventDelivery> all = new ArrayList<>();
        List<List<String>> received = new ArrayList<>();
        AtomicInteger overlaps = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            EventDelivery client = new EventDelivery("fan-" + c, new EventJournal(System.nanoTime()), runtime.pool());
            List<String> got = new CopyOnWriteArrayList<>();
            AtomicInteger running = new AtomicInteger();
            client.on(ClientEvent.PEER_JOIN, event -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                got.add(event.userId());
                running.decrementAndGet();
            });
            all.add(client);
            received.add(got);
        }
        try {
            for (int i = 0; i < perClient; i++) {
                for (EventDelivery client : all) {
                    client.emit(ClientEvent.PEER_JOIN, "anchor-" + i, null, EventPayload.NONE);
                }
            }
            all.forEach(EventDelivery::awaitDelivered);

            List<String> inOrder = java.util.stream.IntStream.range(0, perClient).mapToObj(i -> "anchor-" + i).toList();
            assertThat(received).allSatisfy(got -> assertThat(got).containsExactlyElementsOf(inOrder));
            assertThat(overlaps).as("handlers of one client that overlapped").hasValue(0);
        } finally {
            all.forEach(EventDelivery::close);
        }
    }

    @Test
    void anEventNoLongerWantedWhenItsTurnComesIsNeitherDeliveredNorJournaled() {
        AtomicBoolean wanted = new AtomicBoolean(true);
        CountDownLatch blocked = new CountDownLatch(1);
        events.on(ClientEvent.PEER_JOIN, event -> await().atMost(WAIT).until(() -> blocked.getCount() == 0));
        events.on(ClientEvent.AUDIO_VOLUME, event -> seen.add("volume"));

        events.emit(ClientEvent.PEER_JOIN, "bob", null, EventPayload.NONE);
        events.emitWhile(wanted::get, ClientEvent.AUDIO_VOLUME, null, null, EventPayload.NONE);
        wanted.set(false);
        blocked.countDown();
        events.awaitDelivered();

        assertThat(seen).isEmpty();
        assertThat(journaled()).containsExactly(ClientEvent.PEER_JOIN);
    }

    @Test
    void aHandlerThatThrowsDoesNotKeepTheNextFromTheEvent() {
        events.on(ClientEvent.PEER_JOIN, event -> {
            throw new IllegalStateException("a broken handler");
        });
        events.on(ClientEvent.PEER_JOIN, event -> seen.add("second"));

        events.emit(ClientEvent.PEER_JOIN, "bob", null, EventPayload.NONE);
        events.awaitDelivered();

        assertThat(seen).containsExactly("second");
    }

    @Test
    void awaitingDeliveryWaitsForTheEventsEmittedBefore() {
        CountDownLatch release = new CountDownLatch(1);
        events.on(ClientEvent.PEER_JOIN, event -> {
            await().atMost(WAIT).until(() -> release.getCount() == 0);
            seen.add("delivered");
        });
        events.emit(ClientEvent.PEER_JOIN, "bob", null, EventPayload.NONE);

        AtomicBoolean returned = new AtomicBoolean();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            events.awaitDelivered();
            returned.set(true);
        });
        await().during(Duration.ofMillis(300)).atMost(WAIT).untilFalse(returned);
        release.countDown();

        await().atMost(WAIT).untilTrue(returned);
        assertThat(seen).containsExactly("delivered");
        assertThat(waiting).succeedsWithin(WAIT);
    }

    @Test
    void aHandlerMayAwaitDeliveryWithoutWaitingForItself() throws Exception {
        CompletableFuture<String> done = new CompletableFuture<>();
        events.on(ClientEvent.PEER_JOIN, event -> {
            events.awaitDelivered();
            done.complete("returned");
        });

        events.emit(ClientEvent.PEER_JOIN, "bob", null, EventPayload.NONE);

        assertThat(done.get(1, TimeUnit.SECONDS)).isEqualTo("returned");
    }

    @Test
    void onceItStopsAcceptingWhatCameBeforeIsStillDeliveredAndNothingAfter() {
        events.on(ClientEvent.PEER_JOIN, event -> seen.add(event.userId()));
        events.emit(ClientEvent.PEER_JOIN, "bob", null, EventPayload.NONE);

        events.stopAccepting();
        events.emit(ClientEvent.PEER_JOIN, "carol", null, EventPayload.NONE);
        events.close();

        assertThat(seen).containsExactly("bob");
    }

    @Test
    void closingFromAHandlerDoesNotWaitForItself() throws Exception {
        CompletableFuture<Long> closedInMillis = new CompletableFuture<>();
        events.on(ClientEvent.CLIENT_BANNED, event -> {
            long started = System.nanoTime();
            events.close();
            closedInMillis.complete((System.nanoTime() - started) / 1_000_000);
        });

        events.emit(ClientEvent.CLIENT_BANNED, "alice", null, EventPayload.NONE);

        assertThat(closedInMillis.get(5, TimeUnit.SECONDS)).as("ms that close() took inside a handler").isLessThan(1000);
    }

    @Test
    void aHandlerTakenOffHearsNoMore() {
        Consumer<TrtcEvent> handler = event -> seen.add(event.userId());
        events.on(ClientEvent.PEER_JOIN, handler);
        events.emit(ClientEvent.PEER_JOIN, "bob", null, EventPayload.NONE);
        events.awaitDelivered();
        events.off(ClientEvent.PEER_JOIN, handler);
        events.emit(ClientEvent.PEER_JOIN, "carol", null, EventPayload.NONE);
        events.awaitDelivered();

        assertThat(seen).containsExactly("bob");
    }
}
