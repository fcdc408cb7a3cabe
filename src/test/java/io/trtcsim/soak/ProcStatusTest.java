package io.trtcsim.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    private static final ProcStatus STATUS = new ProcStatus("""
            Name:\tjava
            Umask:\t0022
            State:\tS (sleeping)
            VmPeak:\t 6112408 kB
            VmRSS:\t  412340 kB
            RssAnon:\t  300000 kB
            Threads:\t41
            SigQ:\t0/95339
            """);

    @Test
    void readsTheNumberOfAFieldWithoutItsUnit() {
        assertThat(STATUS.number("VmRSS")).isEqualTo(412_340);
        assertThat(STATUS.number("Threads")).isEqualTo(41);
    }

    @Test
    void aFieldIsMatchedByItsWholeName() {
        // "Rss" must not match "RssAnon:" nor "VmRSS:".
        assertThatThrownBy(() -> STATUS.number("Rss")).hasMessage("/proc status has no field Rss");
    }

    @Test
    void aFieldThatIsNoNumberIsNamed() {
        assertThatThrownBy(() -> STATUS.number("State")).hasMessageContaining("State is not a number");
    }

    @Test
    void thisProcessHasThreadsMemoryAndOpenFiles() {
        ProcStatus self = ProcStatus.ofThisProcess();
        assertThat(self.number("Threads")).isPositive();
        assertThat(self.number("VmRSS")).isPositive();
        // stdin, stdout, stderr and the JVM's own jars at least.
        assertThat(ProcStatus.openFileDescriptors()).isGreaterThanOrEqualTo(3);
    }
}
