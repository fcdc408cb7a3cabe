package io.trtcsim.simulator.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransportFeedbackTest {

    private static int base(byte[] feedback) {
        return Bytes.u16(feedback, 12);
    }

    private static int count(byte[] feedback) {
        return Bytes.u16(feedback, 14);
    }

    @Test
    void aShortGapIsReportedAsNotReceived() {
        TransportFeedback feedback = new TransportFeedback();
        for (int sequence = 0; sequence < 10; sequence++) {
            feedback.received(sequence, sequence * 1000L);
        }
        feedback.build(1, 2).orElseThrow();
        // 20 packets lost in 100 ms: a lossy link, which the sender must hear about.
        for (int sequence = 30; sequence < 35; sequence++) {
            feedback.received(sequence, 110_000L + sequence * 1000L);
        }
        byte[] next = feedback.build(1, 2).orElseThrow();
        assertThat(base(next)).isEqualTo(10);
        assertThat(count(next)).isEqualTo(25);
    }

    @Test
    void afterASilenceLongerThanTheBackWindowFeedbackStartsAtTheFirstArrival() {
        TransportFeedback feedback = new TransportFeedback();
        for (int sequence = 0; sequence < 10; sequence++) {
            feedback.received(sequence, sequence * 1000L);
        }
        feedback.build(1, 2).orElseThrow();
        // An outage: 200 packets sent into it never arrive, the next arrive 2 s later.
        for (int sequence = 210; sequence < 215; sequence++) {
            feedback.received(sequence, 2_000_000L + sequence * 1000L);
        }
        byte[] next = feedback.build(1, 2).orElseThrow();
        assertThat(base(next)).as("the outage's packets are not reported lost").isEqualTo(210);
        assertThat(count(next)).isEqualTo(5);
    }
}
