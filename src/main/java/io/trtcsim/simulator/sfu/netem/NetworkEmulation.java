package io.trtcsim.simulator.sfu.netem;

import io.trtcsim.network.Direction;
import io.trtcsim.network.NetworkConditions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The network conditions of a media plane: a {@link ParticipantNetwork} per participant, made on
 * first use (by a transport or by a condition) and kept for the plane's life, so that conditions
 * set before a participant connects, or while it reconnects, apply to every transport it opens;
 * and a {@link StreamLoss} per (subscriber, stream). A participant without conditions costs two
 * idle path objects and no thread.
 */
public final class NetworkEmulation implements AutoCloseable {

    private final RandomGenerator.SplittableGenerator seeds;
    private final LongSupplier clock;
    private final Map<ParticipantId, ParticipantNetwork> networks = new ConcurrentHashMap<>();
    private final Map<StreamKey, StreamLoss> streamLosses = new ConcurrentHashMap<>();

    private record StreamKey(ParticipantId subscriber, String streamId) {
    }

    /**
     * @param seeds split once per path and stream loss (seed it for repeatable runs)
     * @param clock nanoseconds, as {@link System#nanoTime()}
     */
    public NetworkEmulation(RandomGenerator.SplittableGenerator seeds, LongSupplier clock) {
        this.seeds = seeds;
        this.clock = clock;
    }

    /** The participant's paths, made on first use. */
    public ParticipantNetwork of(ParticipantId participant) {
        return networks.computeIfAbsent(participant, who -> new ParticipantNetwork(who,
                new NetworkPath(who + "-" + Direction.UPLINK, split(), clock),
                new NetworkPath(who + "-" + Direction.DOWNLINK, split(), clock)));
    }

    /** A SplittableGenerator's split is not thread-safe, and paths are made on any thread. */
    private synchronized RandomGenerator split() {
        return seeds.split();
    }

    /** Applies at once to the participant's open transports and to those it opens later. */
    public void set(ParticipantId participant, NetworkConditions conditions) {
        of(participant).conditions(conditions);
    }

    public NetworkConditions conditions(ParticipantId participant) {
        ParticipantNetwork network = networks.get(participant);
        return network == null ? NetworkConditions.NONE : network.conditions();
    }

    /** Lifts the participant's conditions (and the losses of the streams it receives). */
    public void clear(ParticipantId participant) {
        ParticipantNetwork network = networks.get(participant);
        if (network != null) {
            network.conditions(NetworkConditions.NONE);
        }
        streamLosses.forEach((key, loss) -> {
            if (key.subscriber().equals(participant)) {
                loss.percent(0);
            }
        });
    }

    public void clearAll() {
        networks.values().forEach(network -> network.conditions(NetworkConditions.NONE));
        streamLosses.values().forEach(loss -> loss.percent(0));
    }

    /** The loss of one subscriber's copy of a stream, made on first use (at 0 %). */
    public StreamLoss streamLoss(ParticipantId subscriber, String streamId) {
        return streamLosses.computeIfAbsent(new StreamKey(subscriber, streamId), key -> new StreamLoss(split()));
    }

    /** @throws IllegalArgumentException when the percentage is not within 0–100 */
    public void streamLoss(ParticipantId subscriber, String streamId, double percent) {
        streamLoss(subscriber, streamId).percent(percent);
    }

    /** Participants with conditions in force, in no particular order. */
    public Map<ParticipantId, NetworkConditions> inForce() {
        Map<ParticipantId, NetworkConditions> inForce = new LinkedHashMap<>();
        networks.forEach((who, network) -> {
            NetworkConditions conditions = network.conditions();
            if (!conditions.isNone()) {
                inForce.put(who, conditions);
            }
        });
        return inForce;
    }

    /** Every path that has conditions or has done something, and every stream loss, for the plane's view. */
    public List<Map<String, Object>> view() {
        List<Map<String, Object>> view = new ArrayList<>();
        networks.forEach((who, network) -> {
            for (Direction direction : Direction.values()) {
                NetworkPath path = network.path(direction);
                if (!path.isNeutral() || path.passed() + path.lost() + path.droppedByOutage()
                        + path.droppedByQueueOverflow() > 0) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("sdkAppId", who.sdkAppId());
                    entry.put("userId", who.userId());
                    entry.put("direction", direction.wireName());
                    entry.putAll(path.view());
                    view.add(entry);
                }
            }
        });
        streamLosses.forEach((key, loss) -> {
            if (loss.percent() > 0 || loss.lost() > 0) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("sdkAppId", key.subscriber().sdkAppId());
                entry.put("userId", key.subscriber().userId());
                entry.put("stream", key.streamId());
                entry.put("lossPercent", loss.percent());
                entry.put("lost", loss.lost());
                view.add(entry);
            }
        });
        return view;
    }

    /** Ends every path's thread; what waits is dropped. */
    @Override
    public void close() {
        networks.values().forEach(network -> {
            network.uplink().close();
            network.downlink().close();
        });
    }
}
