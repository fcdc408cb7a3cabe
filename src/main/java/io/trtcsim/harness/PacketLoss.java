package io.trtcsim.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
    private final Map<Target, List<String>> rules = new ConcurrentHashMap<>();

    /** Packets sent from a port (a participant's uplink) or sent to one (a participant's downlink). */
    private record Target(String match, int port) {
        @Override
        public String toString() {
            return (match.equals("--sport") ? "sent from port " : "sent to port ") + port;
        }
    }

    /**
     * From now on the kernel drops {@code percent} % of the UDP packets sent from {@code port}
     * (replacing an earlier share for that port; 0 removes it).
     *
     * @throws PacketLossUnavailableException when iptables cannot be used here
     */
    public void dropFrom(int port, int percent) {
        drop(new Target("--sport", port), percent);
    }

    /** As {@link #dropFrom}, for the UDP packets sent to {@code port}. */
    public void dropTo(int port, int percent) {
        drop(new Target("--dport", port), percent);
    }

    public void stopDroppingFrom(int port) {
        stop(new Target("--sport", port));
    }

    public void stopDroppingTo(int port) {
        stop(new Target("--dport", port));
    }

    private synchronized void drop(Target target, int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a packet loss of " + percent + "% is not between 0 and 100");
        }
        stop(target);
        if (percent == 0) {
            return;
        }
        List<String> rule = List.of("-p", "udp", target.match(), String.valueOf(target.port()), "-m", "statistic",
                "--mode", "random", "--probability", String.format(Locale.ROOT, "%.4f", percent / 100.0), "-m",
                "comment", "--comment", comment, "-j", "DROP");
        iptables("-A", rule);
        rules.put(target, rule);
        log.info("dropping {}% of the UDP packets {}", percent, target);
    }

    private synchronized void stop(Target target) {
        List<String> rule = rules.remove(target);
        if (rule != null) {
            iptables("-D", rule);
        }
    }

    /** The ports whose packets are being dropped (sent from or to them). */
    public Set<Integer> ports() {
        return rules.keySet().stream().map(Target::port).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public synchronized void close() {
        for (Target target : new ArrayList<>(rules.keySet())) {
            try {
                stop(target);
            } catch (RuntimeException e) {
                log.error("cannot remove the packet-loss rule for packets {} ({}); remove it by hand:"
                        + " iptables -S INPUT; ip6tables -S INPUT | grep {}", target, e.getMessage(), comment);
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
