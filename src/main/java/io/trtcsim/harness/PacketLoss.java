package io.trtcsim.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real packet loss for a scenario: the kernel drops a share of the UDP packets a participant's
 * connection sends, chosen at random, where they arrive (iptables' {@code statistic} match in the
 * INPUT chain of IPv4 and IPv6, which also sees traffic between this machine's own addresses). Each rule carries the scenario's
 * comment, and {@link #close()} removes them all, also when the scenario failed.
 * <p>
 * Needs root and iptables (Debian's iptables, nf_tables backend). The kernels of these machines
 * have no netem, so delay and jitter cannot be added this way; loss can.
 */
public final class PacketLoss implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PacketLoss.class);
    private static final long IPTABLES_TIMEOUT_SECONDS = 10;
    /**
     * Dropped on arrival, not on departure: a packet dropped in OUTPUT fails the sender's send call
     * (EPERM), so the sender would know; lost on the way, it does not.
     */
    private static final String CHAIN = "INPUT";

    private final String comment = "trtcsim-" + UUID.randomUUID();
    /** The rule in force for each port, by its arguments after the chain. */
    private final Map<Integer, List<String>> rules = new ConcurrentHashMap<>();

    /**
     * From now on the kernel drops {@code percent} % of the UDP packets sent from {@code port}
     * (replacing an earlier share for that port; 0 removes it).
     *
     * @throws PacketLossUnavailableException when iptables cannot be used here
     */
    public synchronized void dropFrom(int port, int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a packet loss of " + percent + "% is not between 0 and 100");
        }
        stopDroppingFrom(port);
        if (percent == 0) {
            return;
        }
        List<String> rule = List.of("-p", "udp", "--sport", String.valueOf(port), "-m", "statistic", "--mode", "random",
                "--probability", String.format(Locale.ROOT, "%.4f", percent / 100.0), "-m", "comment", "--comment",
                comment, "-j", "DROP");
        iptables("-A", rule);
        rules.put(port, rule);
        log.info("dropping {}% of the UDP packets sent from port {}", percent, port);
    }

    public synchronized void stopDroppingFrom(int port) {
        List<String> rule = rules.remove(port);
        if (rule != null) {
            iptables("-D", rule);
        }
    }

    /** The ports whose packets are being dropped. */
    public java.util.Set<Integer> ports() {
        return java.util.Set.copyOf(rules.keySet());
    }

    @Override
    public synchronized void close() {
        for (Integer port : new ArrayList<>(rules.keySet())) {
            try {
                stopDroppingFrom(port);
            } catch (RuntimeException e) {
                log.error("cannot remove the packet-loss rule for port {} ({}); remove it by hand:"
                        + " iptables -S INPUT; ip6tables -S INPUT | grep {}", port, e.getMessage(), comment);
            }
        }
    }

    /** Both address families: webrtc-java picks an IPv6 pair where the machine has an IPv6 address. */
    private static void iptables(String action, List<String> rule) {
        run("iptables", action, rule);
        run("ip6tables", action, rule);
    }

    private static void run(String program, String action, List<String> rule) {
        List<String> command = new ArrayList<>(List.of(program, "-w", action, CHAIN));
        command.addAll(rule);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new PacketLossUnavailableException("cannot run " + program + " (" + e.getMessage()
                    + "): packet loss needs Debian's iptables and root");
        }
        try {
            if (!process.waitFor(IPTABLES_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + IPTABLES_TIMEOUT_SECONDS + " s: "
                        + String.join(" ", command));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new PacketLossUnavailableException(program + " refused '" + String.join(" ", command) + "' (exit "
                        + process.exitValue() + "): " + output + "; packet loss needs root and iptables' statistic match");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + program + "'s output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + program, e);
        }
    }

    /** Packet loss cannot be made on this machine; the message says why. */
    public static final class PacketLossUnavailableException extends IllegalStateException {
        public PacketLossUnavailableException(String reason) {
            super(reason);
        }
    }
}
