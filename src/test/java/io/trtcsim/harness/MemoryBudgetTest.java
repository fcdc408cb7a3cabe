package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    private final MemoryBudget budget = new MemoryBudget(1L << 30, 100L << 20);

    @Test
    void countsThatFitPass() {
        assertThatCode(() -> budget.require(100, 400, "the run")).doesNotThrowAnyException();
    }

    @Test
    void tooManyMediaParticipantsAreRefusedWithTheEstimate() {
        assertThatThrownBy(() -> budget.require(200, 0, "participants \"v-1\" to \"v-200\""))
                .hasMessageContaining("participants \"v-1\" to \"v-200\": 200 participants with media need about 1,600 MB")
                .hasMessageContaining("more than the 1,024 MB this machine has available");
    }

    @Test
    void tooManySignalingParticipantsAreRefusedNamingTheHeap() {
        assertThatThrownBy(() -> budget.require(0, 1000, "the audience"))
                .hasMessageContaining("1000 signaling-only participants need about 195 MB of Java heap")
                .hasMessageContaining("raise -Xmx");
    }
}
