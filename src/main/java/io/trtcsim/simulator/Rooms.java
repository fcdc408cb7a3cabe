package io.trtcsim.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The simulator's rooms by application and id; a room exists while someone is in it. Entering
 * and leaving run under this directory's lock so a room is never dropped between being found and
 * being joined.
 */
final class Rooms {

    private final Map<RoomKey, Room> rooms = new HashMap<>();

    /** Runs {@code action} on the room (created if needed; the flag says so) while no one can drop it. */
    synchronized <T> T enter(RoomKey key, BiFunction<Room, Boolean, T> action) {
        Room existing = rooms.get(key);
        Room room = existing != null ? existing : new Room(key);
        rooms.put(key, room);
        return action.apply(room, existing == null);
    }

    /** Removes the member; true if it was there. {@code emptied} tells whether the room is now gone. */
    synchronized Departure leave(Room room, Member member) {
        boolean removed = room.remove(member);
        boolean emptied = room.isEmpty() && rooms.remove(room.key(), room);
        return new Departure(removed, emptied);
    }

    synchronized Optional<Room> find(RoomKey key) {
        return Optional.ofNullable(rooms.get(key));
    }

    synchronized List<Room> all() {
        return List.copyOf(rooms.values());
    }

    record Departure(boolean removed, boolean roomEmptied) {
    }
}
