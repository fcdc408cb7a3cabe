package io.trtcsim.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.RTCStatsReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatsPollerTest {

    private final FakeTicks ticks = new FakeTicks(10_000);
    private final Map<String, AtomicInteger> getStatsCalls = new ConcurrentHashMap<>();
    private final StatsPoller<String> poller = new StatsPoller<>(ticks, link -> {
        getStatsCalls.computeIfAbsent(link, l -> new AtomicInteger()).incrementAndGet();
        return CompletableFuture.<RTCStatsReport>completedFuture(null);
    });

    /** Remembers when it read and which round it was given, and asks for the reports of its links. */
    private final class Recorder implements StatsPoller.Reader<String> {
        final List<Long> readAt = new ArrayList<>();
        final List<StatsPoller.Round<String>> rounds = new ArrayList<>();
        private final List<String> links;

        Recorder(String... links) {
            this.links = List.of(links);
        }

        @Override
        public void read(StatsPoller.Round<String> round) {
            readAt.add(ticks.nowMillis() - 10_000);
            rounds.add(round);
            links.forEach(round::report);
        }
    }

    private int calls(String link) {
        return getStatsCalls.getOrDefault(link, new AtomicInteger()).get();
    }

    @Test
    void readersDueTogetherShareOneGetStatsPerLink() {
        Recorder recording = new Recorder("uplink", "downlink");
        Recorder quality = new Recorder("uplink", "downlink");
        poller.every(1000, recording);
        poller.every(2000, quality);

        ticks.advanceTo(14_000);

        assertThat(recording.readAt).containsExactly(1000L, 2000L, 3000L, 4000L);
        assertThat(quality.readAt).containsExactly(2000L, 4000L);
        assertThat(quality.rounds.get(0)).isSameAs(recording.rounds.get(1));
        assertThat(quality.rounds.get(1)).isSameAs(recording.rounds.get(3));
        assertThat(calls("uplink")).as("one getStats per tick, not per reader").isEqualTo(4);
        assertThat(calls("downlink")).isEqualTo(4);
    }

    @Test
    void aReaderAddedLaterFallsDueOnTheMultiplesOfItsPeriodFromTheOrigin() {
        Recorder recording = new Recorder("uplink");
        poller.every(1000, recording);
        ticks.advanceTo(11_300);
        Recorder volume = new Recorder("uplink");
        poller.every(500, volume);

        ticks.advanceTo(13_000);

        assertThat(volume.readAt).containsExactly(1500L, 2000L, 2500L, 3000L);
        assertThat(recording.readAt).containsExactly(1000L, 2000L, 3000L);
        assertThat(calls("uplink")).as("ticks at 1000, 1500, 2000, 2500, 3000").isEqualTo(5);
    }

    @Test
    void theOriginIsWhenTheFirstReaderCameNotWhenThePollerWasMade() {
        ticks.advanceTo(10_300);
        Recorder recording = new Recorder("uplink");
        poller.every(1000, recording);
        Recorder quality = new Recorder("uplink");
        poller.every(2000, quality);

        ticks.advanceTo(14_500);

        assertThat(recording.readAt).containsExactly(1300L, 2300L, 3300L, 4300L);
        assertThat(quality.readAt).containsExactly(2300L, 4300L);
    }

    @Test
    void onlyTheLinksSomeDueReaderAsksForAreAsked() {
        poller.every(1000, new Recorder("uplink"));
        poller.every(3000, new Recorder("downlink"));

        ticks.advanceTo(13_000);

        assertThat(calls("uplink")).isEqualTo(3);
        assertThat(calls("downlink")).isEqualTo(1);
    }

    @Test
    void aCancelledReaderReadsNoMoreAndNoTickIsLeftWithoutReaders() {
        Recorder quality = new Recorder("uplink");
        StatsPoller.Registration registration = poller.every(2000, quality);
        ticks.advanceTo(12_000);
        registration.cancel();

        ticks.advanceTo(20_000);

        assertThat(quality.readAt).containsExactly(2000L);
        assertThat(ticks.pending()).isZero();
    }

    @Test
    void aLateTickServesEachDueReaderOnceAndMovesItToItsNextInstant() {
        Recorder recording = new Recorder("uplink");
        poller.every(1000, recording);

        ticks.jumpTo(13_500);
        ticks.advanceTo(15_000);

        assertThat(recording.readAt).containsExactly(3500L, 4000L, 5000L);
    }

    @Test
    void aReaderThatThrowsDoesNotKeepTheOthersFromTheirRound() {
        poller.every(1000, round -> {
            throw new IllegalStateException("broken reader");
        });
        Recorder recording = new Recorder("uplink");
        poller.every(1000, recording);

        ticks.advanceTo(12_000);

        assertThat(recording.readAt).containsExactly(1000L, 2000L);
    }

    @Test
    void aClosedPollerSchedulesNothingAndClosesItsTicks() {
        Recorder recording = new Recorder("uplink");
        poller.every(1000, recording);
        poller.close();
        poller.every(500, recording);

        ticks.advanceTo(15_000);

        assertThat(recording.readAt).isEmpty();
        assertThat(ticks.pending()).isZero();
        assertThat(ticks.isClosed()).isTrue();
    }

    @Test
    void aRoundOfItsOwnAsksEachLinkOnce() {
        StatsPoller.Round<String> round = poller.roundNow();
        CompletableFuture<RTCStatsReport> first = round.report("uplink");

        assertThat(round.report("uplink")).isSameAs(first);
        assertThat(poller.roundNow().report("uplink")).isNotSameAs(first);
        assertThat(calls("uplink")).isEqualTo(2);
    }
}
