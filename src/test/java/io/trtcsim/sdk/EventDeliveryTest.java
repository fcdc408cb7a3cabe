package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trtcsim.trtc.ClientEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final EventDelivery events = new EventDelivery("alice", new EventJournal(System.nanoTime()));
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        events.close();
    }

    private List<ClientEvent> journaled() {
        return events.journal().entries().stream().map(JournalEntry::event).toList();
    }

    @Test
    void handlersRunOnOneThreadInTheOrderEventsWereEmitted() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        events.on(ClientEvent.PEER_JOIN, event -> {
            threads.add(Thread.currentThread());
            seen.add("join " + event.userId());
        });
        events.on(ClientEvent.PEER_LEAVE, event -> {
            threads.add(Thread.currentThread());
            seen.add("leave " + event.userId());
        });

        events.emit(ClientEvent.PEER_JOIN, "bob", null, EventPayload.NONE);
        events.emit(ClientEvent.PEER_LEAVE, "bob", null, EventPayload.NONE);
        events.emit(ClientEvent.PEER_JOIN, "carol", null, EventPayload.NONE);
        events.awaitDelivered();

        assertThat(seen).containsExactly("join bob", "leave bob", "join carol");
        assertThat(threads).hasSize(3).allMatch(thread -> thread == threads.get(0) && thread != Thread.currentThread());
        assertThat(journaled()).containsExactly(ClientEvent.PEER_JOIN, ClientEvent.PEER_LEAVE, ClientEvent.PEER_JOIN);
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
