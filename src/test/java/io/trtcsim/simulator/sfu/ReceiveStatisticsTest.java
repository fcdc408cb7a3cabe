package io.trtcsim.simulator.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReceiveStatisticsTest {

    private static final long SSRC = 0x0BADCAFEL;
    private static final long MS = 1_000_000L;
    /** Something like System.nanoTime() on a machine up for days. */
    private static final long BASE = 345_678_901_234_567L;

    private static ReceiveStatistics audio() {
        return new ReceiveStatistics(SSRC, 48000);
    }

    /** Packet k of a 20 ms Opus stream, sequence numbers from first, arriving exactly on time. */
    private static int[] audioPacket(ReceiveStatistics statistics, int first, int k) {
        return statistics.received((first + k) & 0xFFFF, 1000L + 960L * k, BASE + 20 * MS * k);
    }

    @Test
    void inOrderPacketsLoseNothing() {
        ReceiveStatistics statistics = audio();
        for (int k = 0; k < 100; k++) {
            assertThat(audioPacket(statistics, 1000, k)).as("packet %d", k).isEmpty();
        }

        assertThat(statistics.packetsReceived()).isEqualTo(100);
        assertThat(statistics.cumulativeLost()).isZero();
        Rtcp.ReportBlock block = statistics.report(BASE + 2000 * MS).orElseThrow();
        assertThat(block.ssrc()).isEqualTo(SSRC);
        assertThat(block.fractionLost()).isZero();
        assertThat(block.cumulativeLost()).isZero();
        assertThat(block.highestSequence()).isEqualTo(1099);
        assertThat(block.lastSenderReport()).isZero();
        assertThat(block.delaySinceLastSenderReport()).isZero();
    }

    @Test
    void nothingToReportBeforeTheFirstPacket() {
        ReceiveStatistics statistics = audio();

        assertThat(statistics.report(BASE)).isEmpty();
        assertThat(statistics.cumulativeLost()).isZero();
        assertThat(statistics.jitterMillis()).isZero();
    }

    @Test
    void aGapReturnsTheMissingSequencesAndCountsThemLostUntilTheyArrive() {
        ReceiveStatistics statistics = audio();
        audioPacket(statistics, 0, 10);
        audioPacket(statistics, 0, 11);

        assertThat(audioPacket(statistics, 0, 15)).containsExactly(12, 13, 14);
        assertThat(statistics.cumulativeLost()).isEqualTo(3);

        assertThat(audioPacket(statistics, 0, 13)).as("a late packet opens no gap").isEmpty();
        assertThat(statistics.cumulativeLost()).isEqualTo(2);
        audioPacket(statistics, 0, 12);
        audioPacket(statistics, 0, 14);
        assertThat(statistics.cumulativeLost()).isZero();
        assertThat(audioPacket(statistics, 0, 16)).isEmpty();
        assertThat(statistics.report(BASE).orElseThrow().highestSequence()).isEqualTo(16);
    }

    @Test
    void aLongGapAsksForAtMost64() {
        ReceiveStatistics statistics = audio();
        audioPacket(statistics, 0, 0);

        int[] missing = audioPacket(statistics, 0, 200);

        assertThat(missing).hasSize(64);
        assertThat(missing[0]).isEqualTo(1);
        assertThat(missing[63]).isEqualTo(64);
        assertThat(statistics.cumulativeLost()).isEqualTo(199);
    }

    @Test
    void sequenceNumbersWrapAround() {
        ReceiveStatistics statistics = audio();
        for (int k = 0; k < 12; k++) {
            assertThat(audioPacket(statistics, 65530, k)).isEmpty();
        }

        Rtcp.ReportBlock block = statistics.report(BASE).orElseThrow();
        assertThat(block.highestSequence()).as("one cycle, then 5").isEqualTo(65536 + 5);
        assertThat(block.cumulativeLost()).isZero();
        assertThat(statistics.cumulativeLost()).isZero();
    }

    @Test
    void aGapAcrossTheWrapAround() {
        ReceiveStatistics statistics = audio();
        statistics.received(65533, 0, BASE);
        statistics.received(65534, 960, BASE + 20 * MS);

        int[] missing = statistics.received(1, 960 * 4, BASE + 80 * MS);

        assertThat(missing).containsExactly(65535, 0);
        assertThat(statistics.cumulativeLost()).isEqualTo(2);
        assertThat(statistics.report(BASE).orElseThrow().highestSequence()).isEqualTo(65536 + 1);
        assertThat(statistics.received(0, 960 * 3, BASE + 90 * MS)).isEmpty();
        assertThat(statistics.received(65535, 960 * 2, BASE + 91 * MS)).as("late from the old cycle").isEmpty();
        assertThat(statistics.cumulativeLost()).isZero();
        assertThat(statistics.report(BASE).orElseThrow().highestSequence()).isEqualTo(65536 + 1);
    }

    @Test
    void theFractionLostIsPerReportInterval() {
        ReceiveStatistics statistics = audio();
        for (int k = 0; k < 30; k++) {
            if (k < 10 || k >= 20) {
                audioPacket(statistics, 500, k);
            }
        }

        Rtcp.ReportBlock first = statistics.report(BASE + 1000 * MS).orElseThrow();
        assertThat(first.fractionLost()).as("10 of 30, in 1/256").isEqualTo(10 * 256 / 30);
        assertThat(first.cumulativeLost()).isEqualTo(10);

        for (int k = 30; k < 60; k++) {
            audioPacket(statistics, 500, k);
        }
        Rtcp.ReportBlock second = statistics.report(BASE + 2000 * MS).orElseThrow();
        assertThat(second.fractionLost()).isZero();
        assertThat(second.cumulativeLost()).isEqualTo(10);

        for (int k = 10; k < 20; k++) {
            audioPacket(statistics, 500, k);
        }
        Rtcp.ReportBlock third = statistics.report(BASE + 3000 * MS).orElseThrow();
        assertThat(third.fractionLost()).as("more arrived than expected: 0, not negative").isZero();
        assertThat(third.cumulativeLost()).isZero();
    }

    @Test
    void allLostButOneInAnInterval() {
        ReceiveStatistics statistics = audio();
        audioPacket(statistics, 0, 0);
        statistics.report(BASE);
        audioPacket(statistics, 0, 100);

        assertThat(statistics.report(BASE).orElseThrow().fractionLost()).isEqualTo(99 * 256 / 100);
    }

    @Test
    void jitterIsZeroForPerfectlyPacedPackets() {
        ReceiveStatistics audio = audio();
        ReceiveStatistics video = new ReceiveStatistics(SSRC, 90000);
        for (int k = 0; k < 500; k++) {
            audioPacket(audio, 0, k);
            // 100 packets a second of video; the RTP clock starts far from the arrival clock
            video.received(k, 0xFFFF0000L + 900L * k & 0xFFFFFFFFL, BASE + 10 * MS * k);
        }

        assertThat(audio.jitterMillis()).isZero();
        assertThat(audio.report(BASE).orElseThrow().jitter()).isZero();
        assertThat(video.report(BASE).orElseThrow().jitter()).as("across an RTP timestamp wrap too").isZero();
    }

    @Test
    void jitterIsPositiveForJitteredPackets() {
        ReceiveStatistics statistics = audio();
        Random random = new Random(3);
        for (int k = 0; k < 1000; k++) {
            long noise = (long) ((random.nextDouble() - 0.5) * 10 * MS);
            statistics.received(k, 960L * k, BASE + 20 * MS * k + noise);
        }

        // |D| of two uniform ±5 ms offsets averages 10/3 ms; the estimate follows it within its noise.
        assertThat(statistics.jitterMillis()).isBetween(2.0, 5.0);
        long jitter = statistics.report(BASE).orElseThrow().jitter();
        assertThat(jitter).isBetween(2L * 48, 5L * 48);
    }

    @Test
    void aConstantDelayIsNoJitter() {
        ReceiveStatistics statistics = audio();
        for (int k = 0; k < 100; k++) {
            statistics.received(k, 960L * k, BASE + 20 * MS * k);
        }
        for (int k = 100; k < 200; k++) {
            statistics.received(k, 960L * k, BASE + 20 * MS * k + 300 * MS);
        }

        // one step of 300 ms, then nothing: the estimate decays back towards zero
        assertThat(statistics.jitterMillis()).isLessThan(0.1);
    }

    @Test
    void lastSenderReportAndDelaySinceIt() {
        ReceiveStatistics statistics = audio();
        audioPacket(statistics, 0, 0);
        statistics.senderReport(0x12345678L, BASE + 500 * MS);

        Rtcp.ReportBlock block = statistics.report(BASE + 2000 * MS).orElseThrow();

        assertThat(block.lastSenderReport()).isEqualTo(0x12345678L);
        assertThat(block.delaySinceLastSenderReport()).as("1.5 s in 1/65536 s").isEqualTo(98304);

        statistics.senderReport(0x9ABCDEF0L, BASE + 2100 * MS);
        Rtcp.ReportBlock next = statistics.report(BASE + 2100 * MS + 250 * MS).orElseThrow();
        assertThat(next.lastSenderReport()).isEqualTo(0x9ABCDEF0L);
        assertThat(next.delaySinceLastSenderReport()).isEqualTo(65536 / 4);
    }

    @Test
    void duplicatesCountAsReceived() {
        ReceiveStatistics statistics = audio();
        audioPacket(statistics, 0, 0);
        audioPacket(statistics, 0, 1);
        audioPacket(statistics, 0, 1);

        assertThat(statistics.packetsReceived()).isEqualTo(3);
        assertThat(statistics.cumulativeLost()).isEqualTo(-1);
        assertThat(statistics.report(BASE).orElseThrow().cumulativeLost()).isEqualTo(-1);
    }

    @Test
    void aSenderThatRestartsItsNumberingIsFollowedAfterTwoPacketsInARow() {
        ReceiveStatistics statistics = audio();
        for (int k = 0; k < 10; k++) {
            statistics.received(100 + k, 960L * k, BASE + 20 * MS * k);
        }
        // A jump far beyond the dropout limit: one such packet is not trusted, two in a row are.
        assertThat(statistics.received(40_000, 960L * 10, BASE + 200 * MS)).isEmpty();
        assertThat(statistics.received(40_001, 960L * 11, BASE + 220 * MS)).isEmpty();
        assertThat(statistics.received(40_002, 960L * 12, BASE + 240 * MS)).isEmpty();
        assertThat(statistics.cumulativeLost()).as("loss after the restart").isZero();
        int[] missing = statistics.received(40_004, 960L * 14, BASE + 280 * MS);
        assertThat(missing).as("a gap after the restart is still found").containsExactly(40_003);
    }
}
