package io.trtcsim.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The limits that protect a shared simulator (docs/simulator-protocol.md, "Limits"): each is the
 * most a client or an application may take before the simulator refuses it, and each refusal is
 * an error to that client only. The defaults leave room for the load runs (thousands of
 * signaling-only members in one room, hundreds joining at 500 a second).
 *
 * @param joinsPerConnection        joins one signaling connection may make in its life (join, leave, join... counts each)
 * @param joinsPerSecond            joins an application may make per second (a token bucket of one second's worth)
 * @param connectionsPerApplication signaling connections that joined an application's rooms, open at once
 * @param roomsPerApplication       rooms of one application that exist at once
 * @param participantsPerRoom       members of one room
 * @param pendingMessages           messages queued to a connection and not yet written; a client that reads none
 *                                  of them past this is disconnected
 */
public record SimulatorLimits(int joinsPerConnection, int joinsPerSecond, int connectionsPerApplication,
                              int roomsPerApplication, int participantsPerRoom, int pendingMessages) {

    public static final int DEFAULT_JOINS_PER_CONNECTION = 1000;
    public static final int DEFAULT_JOINS_PER_SECOND = 2000;
    public static final int DEFAULT_CONNECTIONS_PER_APPLICATION = 20_000;
    public static final int DEFAULT_ROOMS_PER_APPLICATION = 10_000;
    public static final int DEFAULT_PARTICIPANTS_PER_ROOM = 10_000;
    public static final int DEFAULT_PENDING_MESSAGES = 50_000;

    public SimulatorLimits {
        positive("joinsPerConnection", joinsPerConnection);
        positive("joinsPerSecond", joinsPerSecond);
        positive("connectionsPerApplication", connectionsPerApplication);
        positive("roomsPerApplication", roomsPerApplication);
        positive("participantsPerRoom", participantsPerRoom);
        positive("pendingMessages", pendingMessages);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("the limit " + name + " must be at least 1, not " + value);
        }
    }

    public static SimulatorLimits defaults() {
        return new SimulatorLimits(DEFAULT_JOINS_PER_CONNECTION, DEFAULT_JOINS_PER_SECOND,
                DEFAULT_CONNECTIONS_PER_APPLICATION, DEFAULT_ROOMS_PER_APPLICATION, DEFAULT_PARTICIPANTS_PER_ROOM,
                DEFAULT_PENDING_MESSAGES);
    }

    /** The names of the limits, in the order of the record's components, as /health gives them. */
    private static final List<String> NAMES = List.of("joinsPerConnection", "joinsPerSecond", "connectionsPerApplication",
            "roomsPerApplication", "participantsPerRoom", "pendingMessages");

    public SimulatorLimits withJoinsPerConnection(int value) {
        return with(0, value);
    }

    public SimulatorLimits withJoinsPerSecond(int value) {
        return with(1, value);
    }

    public SimulatorLimits withConnectionsPerApplication(int value) {
        return with(2, value);
    }

    public SimulatorLimits withRoomsPerApplication(int value) {
        return with(3, value);
    }

    public SimulatorLimits withParticipantsPerRoom(int value) {
        return with(4, value);
    }

    public SimulatorLimits withPendingMessages(int value) {
        return with(5, value);
    }

    private int[] values() {
        return new int[] {joinsPerConnection, joinsPerSecond, connectionsPerApplication, roomsPerApplication,
            participantsPerRoom, pendingMessages};
    }

    private SimulatorLimits with(int index, int value) {
        int[] values = values();
        values[index] = value;
        return new SimulatorLimits(values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    /** The configured values by the names /health gives them. */
    Map<String, Object> asMap() {
        Map<String, Object> named = new LinkedHashMap<>();
        int[] values = values();
        for (int i = 0; i < values.length; i++) {
            named.put(NAMES.get(i), values[i]);
        }
        return named;
    }
}
