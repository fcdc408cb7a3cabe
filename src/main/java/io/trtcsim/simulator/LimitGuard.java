package io.trtcsim.simulator;

import io.trtcsim.trtc.ErrorCode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Enforces a simulator's {@link SimulatorLimits} and counts what each refused, for /health. The
 * state is per application (connections, the join bucket) or lives where it belongs (joins per
 * connection in {@link SignalingConnection}, rooms and members in {@link Rooms}); nothing here does
 * I/O, so it may be called under a connection's or the room directory's monitor.
 */
final class LimitGuard {

    /** Each limit: its name in /health, the option that sets it, and the simulator's own extra code of its refusal. */
    enum Limit {
        JOINS_PER_CONNECTION("joinsPerConnection", "--max-joins-per-connection", -19001),
        JOINS_PER_SECOND("joinsPerSecond", "--max-joins-per-second", -19002),
        CONNECTIONS_PER_APPLICATION("connectionsPerApplication", "--max-connections-per-app", -19003),
        ROOMS_PER_APPLICATION("roomsPerApplication", "--max-rooms-per-app", -19004),
        PARTICIPANTS_PER_ROOM("participantsPerRoom", "--max-participants-per-room", -19005),
        /** Not a join refusal: the connection is closed with {@link #PENDING_CLOSE_STATUS}. */
        PENDING_MESSAGES("pendingMessages", "--max-pending-messages", 0);

        private final String healthName;
        private final String option;
        private final int extraCode;

        Limit(String healthName, String option, int extraCode) {
            this.healthName = healthName;
            this.option = option;
            this.extraCode = extraCode;
        }

    }

    /** WebSocket "policy violation": a client that let more than the limit of messages wait unread. */
    static final int PENDING_CLOSE_STATUS = 1008;

    private final SimulatorLimits limits;
    private final Map<Limit, LongAdder> refusals = new EnumMap<>(Limit.class);
    private final ConcurrentHashMap<Long, Integer> connections = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, JoinBucket> joinBuckets = new ConcurrentHashMap<>();

    LimitGuard(SimulatorLimits limits) {
        this.limits = limits;
        for (Limit limit : Limit.values()) {
            refusals.put(limit, new LongAdder());
        }
    }

    SimulatorLimits limits() {
        return limits;
    }

    /** Counts a refusal and words it: JOIN_ROOM_FAILED with the limit's extra code, naming the limit and its value. */
    SignalingException refuse(Limit limit, int value, String what) {
        refusals.get(limit).increment();
        return new SignalingException(ErrorCode.JOIN_ROOM_FAILED, limit.extraCode,
                "limit " + limit.healthName + " (" + value + ", " + limit.option + ") reached: " + what);
    }

    /** Counts a connection closed for letting too many messages wait. */
    void pendingMessagesExceeded() {
        refusals.get(Limit.PENDING_MESSAGES).increment();
    }

    /** The close reason (at most 123 bytes) of a connection that let too many messages wait. */
    String pendingCloseReason() {
        return "limit pendingMessages (" + limits.pendingMessages() + ") reached: the client reads too slowly";
    }

    /** A connection starts to belong to the application; refused when it has its limit of them already. */
    void attachConnection(long sdkAppId) {
        int max = limits.connectionsPerApplication();
        boolean[] refused = {false};
        connections.compute(sdkAppId, (app, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                refused[0] = true;
                return count;
            }
            return now + 1;
        });
        if (refused[0]) {
            throw refuse(Limit.CONNECTIONS_PER_APPLICATION, max,
                    "application " + sdkAppId + " has " + max + " connections in its rooms already");
        }
    }

    void detachConnection(long sdkAppId) {
        connections.computeIfPresent(sdkAppId, (app, count) -> count <= 1 ? null : count - 1);
    }

    /** Takes one join of the application's bucket; refused when the application has joined too fast. */
    void takeJoin(long sdkAppId) {
        JoinBucket bucket = joinBuckets.computeIfAbsent(sdkAppId, app -> new JoinBucket(limits.joinsPerSecond()));
        if (!bucket.take(System.nanoTime())) {
            throw refuse(Limit.JOINS_PER_SECOND, limits.joinsPerSecond(),
                    "application " + sdkAppId + " joins faster than " + limits.joinsPerSecond() + " a second; retry later");
        }
    }

    /** What /health shows under "limits": the configured values and the refusals of each. */
    Map<String, Object> health() {
        Map<String, Object> counted = new LinkedHashMap<>();
        for (Limit limit : Limit.values()) {
            counted.put(limit.healthName, refusals.get(limit).sum());
        }
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("configured", limits.asMap());
        health.put("refusals", counted);
        return health;
    }

    /** A token bucket holding at most one second's worth of joins, refilled continuously. */
    private static final class JoinBucket {
        private static final double NANOS_PER_SECOND = 1e9;
        private final double perSecond;
        private double tokens;
        private long refilledAt;

        JoinBucket(int perSecond) {
            this.perSecond = perSecond;
            this.tokens = perSecond;
            this.refilledAt = System.nanoTime();
        }

        synchronized boolean take(long now) {
            tokens = Math.min(perSecond, tokens + (now - refilledAt) / NANOS_PER_SECOND * perSecond);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
