package io.trtcsim.harness;

import io.trtcsim.network.Direction;
import io.trtcsim.network.LinkConditions;
import io.trtcsim.network.NetworkConditions;
import io.trtcsim.stack.Capability;
import io.trtcsim.stack.NetworkEmulation;
import io.trtcsim.trtc.ConnectionState;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenario's network conditions, per participant and direction: set, changed and lifted at
 * any moment of a call through the stack's own emulation (the simulator's SFU shapes the packets
 * in user space), and the participant's signaling stalled while its network is down in both
 * directions, as a dead network stalls a WebSocket. Every change is on the {@link NetworkTimeline}
 * for the report. Everything is lifted when the scenario ends, also when it failed half way.
 * <p>
 * A stack without an emulation of its own (Janus) gets packet loss alone, from iptables as root
 * ({@link PacketLoss}); anything else is refused there as not supported.
 */
public final class ParticipantNetworks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ParticipantNetworks.class);

    private final ScenarioContext scenario;
    private final NetworkTimeline timeline = new NetworkTimeline();
    private final Map<Participant, NetworkConditions> current = new ConcurrentHashMap<>();
    private final Set<Participant> streamLoss = ConcurrentHashMap.newKeySet();
    private volatile NetworkProfiles profiles;
    private Optional<NetworkEmulation> emulation;
    private volatile ScheduledExecutorService comebacks;
    private volatile PacketLoss packetLoss;
    private volatile boolean registered;

    public ParticipantNetworks(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    public NetworkTimeline timeline() {
        return timeline;
    }

    /** What is in force for the participant now. */
    public NetworkConditions of(Participant participant) {
        return current.getOrDefault(participant, NetworkConditions.NONE);
    }

    /** Changes one direction of the participant's network, keeping the rest. */
    public void change(Participant participant, Direction direction, UnaryOperator<LinkConditions> change) {
        NetworkConditions before = of(participant);
        apply(participant, before.with(direction, change.apply(before.of(direction))));
    }

    /**
     * Loss on one direction of the participant's network: the stack's emulation where it has one;
     * else, for the uplink only, iptables (root) where the media reaches this machine.
     */
    public void loses(Participant participant, Direction direction, double percent) {
        if (direction == Direction.DOWNLINK || emulation().isPresent()) {
            change(participant, direction, link -> link.withLoss(percent));
        } else {
            requireLossCapability("the uplink of " + participant + " losing packets");
            packetLoss().dropFrom(participant.uplinkMediaPort(), (int) Math.round(percent));
        }
    }

    /** Loss on one stream only, as it reaches the subscriber. */
    public void streamLoses(Participant subscriber, String publisher, double percent) {
        Optional<NetworkEmulation> emulation = emulation();
        if (emulation.isPresent()) {
            requireConnected(subscriber);
            String streamId = subscriber.remoteStreamOf(publisher).orElseThrow(() -> new IllegalArgumentException(
                    subscriber + " has no stream of " + publisher + " to lose packets of (subscribe first)")).getId();
            LinkConditions.NONE.withLoss(percent); // refuses a share outside 0-100 before anything changes
            registerForTeardown();
            streamLoss.add(subscriber);
            emulation.get().applyStreamLoss(sdkAppId(subscriber), subscriber.userId(), streamId, percent);
        } else {
            requireLossCapability("the stream of " + publisher + " to " + subscriber + " losing packets");
            packetLoss().dropTo(subscriber.downlinkMediaPort(publisher), (int) Math.round(percent));
        }
    }

    public void goesDown(Participant participant) {
        apply(participant, of(participant).withDown(true));
    }

    /** Down now, back by itself after {@code outage}; the step that asked does not wait for it. */
    public void goesDownFor(Participant participant, Duration outage) {
        if (outage.isNegative() || outage.isZero()) {
            throw new IllegalArgumentException("an outage of " + outage.toMillis() + " ms is not a positive duration");
        }
        goesDown(participant);
        comebacks().schedule(() -> {
            try {
                comesBack(participant);
            } catch (RuntimeException e) {
                log.warn("the network of {} could not come back after {} ms", participant, outage.toMillis(), e);
            }
        }, outage.toNanos(), TimeUnit.NANOSECONDS);
    }

    public void comesBack(Participant participant) {
        apply(participant, of(participant).withDown(false));
    }

    public void becomes(Participant participant, String profileName) {
        apply(participant, profiles().named(profileName).conditions());
    }

    /**
     * Every condition of the participant lifted, its streams' loss included, its signaling flowing.
     * Where loss comes from iptables (Janus), every rule of the scenario goes: they are few, and
     * cheaper to lift together than to tell apart.
     */
    public void restore(Participant participant) {
        boolean shaped = current.remove(participant) != null;
        boolean streamShaped = streamLoss.remove(participant);
        participant.signalingGate().up();
        if (shaped || streamShaped) {
            emulation().ifPresent(emulation -> emulation.lift(sdkAppId(participant), participant.userId()));
            timeline.record(participant.userId(), NetworkConditions.NONE);
        }
        PacketLoss loss = packetLoss;
        if (loss != null) {
            loss.close();
        }
    }

    private void apply(Participant participant, NetworkConditions next) {
        NetworkEmulation emulation = emulation().orElseThrow(() -> new NotSupportedHereException("stack "
                + scenario.stack().name() + " cannot shape a participant's network: it has no "
                + Capability.NETWORK_EMULATION.description() + " (tag the scenario " + Capability.NETWORK_EMULATION.tag()
                + ")"));
        requireConnected(participant);
        registerForTeardown();
        boolean signalingDown = next.uplink().down() && next.downlink().down();
        // Signaling stalls first and flows again last: the media plane's change lies inside the outage.
        if (signalingDown) {
            participant.signalingGate().down();
        }
        emulation.apply(sdkAppId(participant), participant.userId(), next);
        current.put(participant, next);
        timeline.record(participant.userId(), next);
        if (!signalingDown) {
            participant.signalingGate().up();
        }
        log.info("network of {}: {}", participant, next);
    }

    private void requireConnected(Participant participant) {
        if (!participant.hasClient() || participant.client().connectionState() == ConnectionState.DISCONNECTED) {
            throw new IllegalArgumentException(participant + " has no connection to the stack yet: set the network of "
                    + participant + " once " + participant + " has joined a room");
        }
    }

    private void requireLossCapability(String what) {
        if (!scenario.stack().capabilities().contains(Capability.PACKET_LOSS)) {
            throw new NotSupportedHereException("stack " + scenario.stack().name() + " cannot make " + what + ": it has no "
                    + Capability.PACKET_LOSS.description() + " (tag the scenario " + Capability.PACKET_LOSS.tag() + ")");
        }
    }

    private static long sdkAppId(Participant participant) {
        return participant.client().config().sdkAppId();
    }

    /** The stack's emulation, looked up once: the stack makes a new client for it on each call. */
    private synchronized Optional<NetworkEmulation> emulation() {
        if (emulation == null) {
            emulation = scenario.stack().capabilities().contains(Capability.NETWORK_EMULATION)
                    ? scenario.stack().networkEmulation() : Optional.empty();
        }
        return emulation;
    }

    private NetworkProfiles profiles() {
        if (profiles == null) {
            profiles = NetworkProfiles.load(scenario.config().fixtures());
        }
        return profiles;
    }

    private synchronized ScheduledExecutorService comebacks() {
        if (comebacks == null) {
            comebacks = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "network-comebacks");
                thread.setDaemon(true);
                return thread;
            });
            registerForTeardown();
        }
        return comebacks;
    }

    private synchronized PacketLoss packetLoss() {
        if (packetLoss == null) {
            packetLoss = new PacketLoss();
            registerForTeardown();
        }
        return packetLoss;
    }

    /** Once, on first use: so conditions are lifted before the participants close (the teardown runs newest first). */
    private synchronized void registerForTeardown() {
        if (!registered) {
            registered = true;
            scenario.closeAtEnd("network conditions", this);
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService scheduled = comebacks;
        if (scheduled != null) {
            scheduled.shutdownNow();
        }
        RuntimeException first = null;
        for (Participant participant : Set.copyOf(union())) {
            try {
                restore(participant);
            } catch (RuntimeException e) {
                log.error("cannot lift the network conditions of {}", participant, e);
                first = first == null ? e : first;
            }
        }
        PacketLoss loss = packetLoss;
        if (loss != null) {
            loss.close();
        }
        if (first != null) {
            throw first;
        }
    }

    private Set<Participant> union() {
        Set<Participant> all = ConcurrentHashMap.newKeySet();
        all.addAll(current.keySet());
        all.addAll(streamLoss);
        return all;
    }

    /** What the stack of this scenario cannot do: the scenario is reported as not supported, not failed. */
    public static final class NotSupportedHereException extends IllegalStateException {
        public NotSupportedHereException(String reason) {
            super(reason);
        }
    }
}
