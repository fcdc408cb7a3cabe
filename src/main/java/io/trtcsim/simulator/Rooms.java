package io.trtcsim.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The simulator's rooms by id; a room exists while someone is in it. Entering and leaving run
 * under this directory's lock so a room is never dropped between being found and being joined.
 */
final class Rooms {

    private final Map<Long, Room> rooms = new HashMap<>();

    /** Runs {@code action} on the room (created if needed) while no one can drop it. */
    synchronized <T> T enter(long roomId, Function<Room, T> action) {
        return action.apply(rooms.computeIfAbsent(roomId, Room::new));
    }

    /** Removes the member and drops the room once empty; false if the member was already gone. */
    synchronized boolean leave(Room room, Member member) {
        boolean removed = room.remove(member);
        if (room.isEmpty()) {
            rooms.remove(room.roomId(), room);
        }
        return removed;
    }

    synchronized List<Room> all() {
        return List.copyOf(rooms.values());
    }
}
