package io.trtcsim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerDirectionsTest {

    private static final String BOTH = "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\na=recvonly\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:1\r\na=recvonly\r\n";

    @Test
    void aRecvonlySectionReceives() {
        assertThat(AnswerDirections.receives(BOTH, "audio")).isTrue();
        assertThat(AnswerDirections.receives(BOTH, "video")).isTrue();
    }

    @Test
    void anInactiveOrRejectedSectionDoesNot() {
        String videoOnly = BOTH.replace("a=mid:1\r\na=recvonly", "a=mid:1\r\na=inactive");
        assertThat(AnswerDirections.receives(videoOnly, "audio")).isFalse();
        assertThat(AnswerDirections.receives(videoOnly, "video")).isTrue();
        String rejected = BOTH.replace("m=audio 9", "m=audio 0");
        assertThat(AnswerDirections.receives(rejected, "audio")).isFalse();
    }

    @Test
    void aKindWithoutASectionIsNotReceived() {
        assertThat(AnswerDirections.receives("v=0\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=recvonly\n", "audio")).isFalse();
    }
}
