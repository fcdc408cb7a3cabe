package io.trtcsim.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The simulator's rooms by application and id; a room exists while someone is in it. Entering
 * and leaving run under this directory's lock so a room is never dropped between being found and
 * being joined, and the limits on rooms per application and members per room are checked there.
 */
final class Rooms {

    private final Map<RoomKey, Room> rooms = new HashMap<>();
    /** How many rooms each application has in {@code rooms}. */
    private final Map<Long, Integer> roomsPerApplication = new HashMap<>();
    private final LimitGuard limits;

    Rooms(LimitGuard limits) {
        this.limits = limits;
    }

    /**
     * Runs {@code action} on the room (created if needed; the flag says so) while no one can drop it.
     * Refused (a {@link SignalingException}, nothing changed) when the room would be one too many for
     * its application, or {@code userId} one member too many for the room (a user already there, who
     * is replaced or resumes, takes no new place).
     */
    synchronized <T> T enter(RoomKey key, String userId, BiFunction<Room, Boolean, T> action) {
        Room existing = rooms.get(key);
        if (existing == null) {
            int max = limits.limits().roomsPerApplication();
            if (roomsPerApplication.getOrDefault(key.sdkAppId(), 0) >= max) {
                throw limits.refuse(LimitGuard.Limit.ROOMS_PER_APPLICATION, max,
                        "application " + key.sdkAppId() + " has " + max + " rooms already; room " + key.roomId() + " is not opened");
            }
        } else if (existing.member(userId).isEmpty() && existing.size() >= limits.limits().participantsPerRoom()) {
            int max = limits.limits().participantsPerRoom();
            throw limits.refuse(LimitGuard.Limit.PARTICIPANTS_PER_ROOM, max,
                    "room " + key.roomId() + " has " + max + " participants already");
        }
        Room room = existing != null ? existing : new Room(key);
        rooms.put(key, room);
        if (existing == null) {
            roomsPerApplication.merge(key.sdkAppId(), 1, Integer::sum);
        }
        return action.apply(room, existing == null);
    }

    /** Removes the member; true if it was there. {@code emptied} tells whether the room is now gone. */
    /**
     * The member leaves; {@code announce} runs only if it was still there, under the directory's
     * lock like a join's admission: the others hear of a departure before any later join of the same
     * user (told after the lock, a rejoin's peer-join could overtake the peer-leave, and the others'
     * SDKs would end with the user gone while it is there again).
     */
    synchronized Departure leave(Room room, Member member, Runnable announce) {
        boolean removed = room.remove(member);
        if (removed) {
            announce.run();
        }
        boolean emptied = room.isEmpty() && rooms.remove(room.key(), room);
        if (emptied) {
            roomsPerApplication.computeIfPresent(room.sdkAppId(), (app, count) -> count <= 1 ? null : count - 1);
        }
        return new Departure(removed, emptied);
    }

    synchronized Optional<Room> find(RoomKey key) {
        return Optional.ofNullable(rooms.get(key));
    }

    synchronized int count() {
        return rooms.size();
    }

    synchronized List<Room> all() {
        return List.copyOf(rooms.values());
    }

    record Departure(boolean removed, boolean roomEmptied) {
    }
}
