package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The rules really go into the kernel's tables, and nothing is left there afterwards. */
class PacketLossTest {

    private static String rules(String program) throws Exception {
        Process process = new ProcessBuilder(program, "-w", "-S", "INPUT").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    @Test
    void rulesForBothAddressFamiliesComeAndGo() throws Exception {
        PacketLoss loss = new PacketLoss();
        try {
            loss.dropFrom(41999, 25);
        } catch (PacketLoss.PacketLossUnavailableException e) {
            System.out.println("skipped: " + e.getMessage());
            Assumptions.abort("packet loss cannot be made here: " + e.getMessage());
        }
        try {
            assertThat(rules("iptables")).contains("--sport 41999").contains("--probability 0.25");
            assertThat(rules("ip6tables")).contains("--sport 41999");
            assertThat(loss.ports()).containsExactly(41999);
            loss.dropFrom(41999, 10);
            assertThat(rules("iptables")).contains("--probability 0.1").doesNotContain("--probability 0.25");
        } finally {
            loss.close();
        }
        assertThat(rules("iptables")).doesNotContain("--sport 41999");
        assertThat(rules("ip6tables")).doesNotContain("--sport 41999");
        assertThat(loss.ports()).isEmpty();
    }

    @Test
    void aShareOutsideZeroToAHundredIsRefusedWithItsValue() {
        try (PacketLoss loss = new PacketLoss()) {
            assertThatThrownBy(() -> loss.dropFrom(41999, 120)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("120%");
        }
    }
}
