package io.trtcsim.simulator.sfu.netem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trtcsim.network.LinkConditions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The link's arithmetic on a clock of our own and a seeded random: each condition does what it says. */
class LinkModelTest {

    private static final long MS = 1_000_000L;
    private static final int PACKETS = 20_000;

    private final LinkModel model = new LinkModel(new SplittableRandom(20261205));

    private List<Fate> send(LinkConditions conditions, int count, long spacingNanos, int size) {
        List<Fate> fates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fates.add(model.admit(conditions, size, i * spacingNanos));
        }
        return fates;
    }

    private static double lostShare(List<Fate> fates) {
        return fates.stream().filter(fate -> fate.drop() == Fate.Drop.LOSS).count() / (double) fates.size();
    }

    /** Lengths of the runs of consecutive losses. */
    private static List<Integer> bursts(List<Fate> fates) {
        List<Integer> bursts = new ArrayList<>();
        int run = 0;
        for (Fate fate : fates) {
            if (fate.drop() == Fate.Drop.LOSS) {
                run++;
            } else if (run > 0) {
                bursts.add(run);
                run = 0;
            }
        }
        return bursts;
    }

    @Test
    void independentLossDropsItsShareInRunsOfAboutOne() {
        List<Fate> fates = send(LinkConditions.NONE.withLoss(10), PACKETS, MS, 1000);

        assertThat(lostShare(fates)).isCloseTo(0.10, within(0.01));
        // Independent losses of 10 %: runs are geometric with mean 1 / 0.9.
        assertThat(bursts(fates).stream().mapToInt(Integer::intValue).average().orElseThrow()).isCloseTo(1.11, within(0.05));
        assertThat(fates).allMatch(fate -> fate.passes() || fate.drop() == Fate.Drop.LOSS);
    }

    @Test
    void burstyLossKeepsTheShareAndMakesRunsOfTheMeanBurstLength() {
        List<Fate> fates = send(LinkConditions.NONE.withLoss(10, 4), PACKETS, MS, 1000);

        assertThat(lostShare(fates)).isCloseTo(0.10, within(0.015));
        assertThat(bursts(fates).stream().mapToInt(Integer::intValue).average().orElseThrow()).isCloseTo(4.0, within(0.4));
    }

    @Test
    void aShareTooHighForShortBurstsIsStillReached() {
        // 80 % in bursts of 2 is impossible (one good packet between bursts gives at most 67 %):
        // the bursts grow to 4, the share stays what was asked.
        List<Fate> fates = send(LinkConditions.NONE.withLoss(80, 2), PACKETS, MS, 1000);

        assertThat(lostShare(fates)).isCloseTo(0.80, within(0.015));
        assertThat(send(LinkConditions.NONE.withLoss(100), 100, MS, 1000)).allMatch(fate -> fate.drop() == Fate.Drop.LOSS);
    }

    @Test
    void aDelayIsAddedExactly() {
        List<Fate> fates = send(LinkConditions.NONE.withDelay(Duration.ofMillis(100)), 1000, 3 * MS, 1000);

        for (int i = 0; i < fates.size(); i++) {
            assertThat(fates.get(i).releaseNanos()).isEqualTo(i * 3 * MS + 100 * MS);
        }
    }

    @Test
    void jitterSpreadsTheDelayByItsStandardDeviation() {
        // A second apart, so keeping the order never holds one back behind another.
        LinkConditions jittery = LinkConditions.NONE.withDelay(Duration.ofMillis(100)).withJitter(Duration.ofMillis(20), false);
        List<Fate> fates = send(jittery, 5000, 1000 * MS, 1000);

        double[] delays = new double[fates.size()];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = (fates.get(i).releaseNanos() - i * 1000 * MS) / (double) MS;
        }
        double mean = Arrays.stream(delays).average().orElseThrow();
        double variance = Arrays.stream(delays).map(delay -> (delay - mean) * (delay - mean)).sum() / delays.length;
        assertThat(mean).isCloseTo(100.0, within(1.0));
        assertThat(Math.sqrt(variance)).isCloseTo(20.0, within(1.0));
    }

    @Test
    void withoutReorderingNothingOvertakesWithReorderingSomethingDoes() {
        LinkConditions inOrder = LinkConditions.NONE.withDelay(Duration.ofMillis(50)).withJitter(Duration.ofMillis(20), false);
        List<Fate> ordered = send(inOrder, 2000, MS, 1000);
        for (int i = 1; i < ordered.size(); i++) {
            assertThat(ordered.get(i).releaseNanos()).as("packet %d", i).isGreaterThanOrEqualTo(ordered.get(i - 1).releaseNanos());
        }

        List<Fate> reordered = send(inOrder.withJitter(Duration.ofMillis(20), true), 2000, MS, 1000);
        long overtaking = 0;
        long latest = Long.MIN_VALUE;
        for (Fate fate : reordered) {
            if (fate.releaseNanos() < latest) {
                overtaking++;
            }
            latest = Math.max(latest, fate.releaseNanos());
        }
        assertThat(overtaking).as("packets that leave before one sent earlier").isGreaterThan(100);
    }

    @Test
    void aCapacitySpacesDeparturesBySerialisationTime() {
        // 1250 bytes at 1000 kbit/s: 10 ms each.
        LinkConditions capped = LinkConditions.NONE.withCapacity(1000, 100);
        List<Fate> burst = send(capped, 5, 0, 1250);
        assertThat(burst).extracting(Fate::releaseNanos).containsExactly(10 * MS, 20 * MS, 30 * MS, 40 * MS, 50 * MS);

        // An idle link: each waits for its own serialisation only, then the delay.
        LinkModel idle = new LinkModel(new SplittableRandom(1));
        LinkConditions cappedAndDelayed = capped.withDelay(Duration.ofMillis(30));
        for (int i = 0; i < 10; i++) {
            long sent = 1000 * MS + i * 20 * MS;
            assertThat(idle.admit(cappedAndDelayed, 1250, sent).releaseNanos()).isEqualTo(sent + 10 * MS + 30 * MS);
        }
    }

    @Test
    void aFullQueueDropsExactlyWhatExceedsIt() {
        LinkConditions capped = LinkConditions.NONE.withCapacity(1000, 10);
        List<Fate> burst = send(capped, 25, 0, 1250);

        assertThat(burst.stream().filter(Fate::passes).count()).isEqualTo(10);
        assertThat(burst.subList(10, 25)).allMatch(fate -> fate.drop() == Fate.Drop.QUEUE_OVERFLOW);
        // Once the link has sent all ten (100 ms), the queue takes packets again.
        assertThat(model.admit(capped, 1250, 100 * MS).releaseNanos()).isEqualTo(110 * MS);
        // While it sends the eleventh, nine more fit.
        for (int i = 0; i < 9; i++) {
            assertThat(model.admit(capped, 1250, 100 * MS).passes()).isTrue();
        }
        assertThat(model.admit(capped, 1250, 100 * MS).drop()).isEqualTo(Fate.Drop.QUEUE_OVERFLOW);
    }

    @Test
    void anOutageDropsEverythingAndTheLinkPassesAgainOnceLifted() {
        LinkConditions delayed = LinkConditions.NONE.withDelay(Duration.ofMillis(20));
        assertThat(send(delayed.withDown(true), 500, MS, 1000)).allMatch(fate -> fate.drop() == Fate.Drop.OUTAGE);

        Fate after = model.admit(delayed, 1000, 1000 * MS);
        assertThat(after.passes()).isTrue();
        assertThat(after.releaseNanos()).isEqualTo(1020 * MS);
    }

    @Test
    void noConditionsReleaseAtOnce() {
        List<Fate> fates = send(LinkConditions.NONE, 100, MS, 1000);
        for (int i = 0; i < fates.size(); i++) {
            assertThat(fates.get(i).releaseNanos()).isEqualTo(i * MS);
        }
    }
}
