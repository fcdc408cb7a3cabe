package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MediaClockTest {

    @Test
    void neverGoesBackwardsOverManyReads() {
        MediaClock clock = new MediaClock();
        long previous = clock.nowMicros();
        for (int i = 0; i < 2_000_000; i++) {
            long now = clock.nowMicros();
            assertThat(now).isGreaterThanOrEqualTo(previous);
            previous = now;
        }
    }

    @Test
    void readsEpochMicroseconds() {
        long before = System.currentTimeMillis() * 1_000;
        long now = new MediaClock().nowMicros();
        long after = System.currentTimeMillis() * 1_000;

        assertThat(now).isBetween(before - 50_000, after + 50_000);
    }

    @Test
    void resolvesLessThanAMillisecond() {
        MediaClock clock = new MediaClock();
        long first = clock.nowMicros();
        long next;
        do {
            next = clock.nowMicros();
        } while (next == first);

        assertThat(next - first).isLessThan(1_000);
    }

    @Test
    void advancesWithTheNanosecondSourceFromItsAnchor() {
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        MediaClock clock = new MediaClock(1_000_000L, nanos::get);

        assertThat(clock.nowMicros()).isEqualTo(1_000_000L);
        nanos.addAndGet(2_500_999L);
        assertThat(clock.nowMicros()).isEqualTo(1_002_500L);
    }

    @Test
    void sharesOneSystemClock() {
        assertThat(MediaClock.system()).isSameAs(MediaClock.system());
    }
}
