package io.trtcsim.load;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/** The numeric room ids a shard uses, {@code first..last} inclusive. */
public record RoomRange(long first, long last) {

    /** TRTC's numeric roomId: 1 .. 2^32 - 2. */
    public static final long MAX_ROOM_ID = 4_294_967_294L;
    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*\\.\\.\\s*(\\d+)");

    public RoomRange {
        if (first < 1 || last < 1) {
            throw new IllegalArgumentException("room range " + first + ".." + last + ": TRTC's room ids start at 1");
        }
        if (first > last) {
            throw new IllegalArgumentException("room range " + first + ".." + last
                    + " is reversed: its first room is after its last; write " + last + ".." + first);
        }
        if (last > MAX_ROOM_ID) {
            throw new IllegalArgumentException("room range " + first + ".." + last + " goes past " + MAX_ROOM_ID
                    + ", the largest numeric room id TRTC takes");
        }
    }

    /** "1000..1009", as --room-range takes it. */
    public static RoomRange parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--room-range '" + text + "' is not FIRST..LAST, e.g. 1000..1009");
        }
        try {
            return new RoomRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--room-range '" + text + "' holds a number too large for a room id");
        }
    }

    /**
     * The rooms of one shard when every shard takes {@code roomsPerShard} consecutive rooms from
     * {@code firstRoom} on: shard i gets firstRoom + i * roomsPerShard and the next ones.
     */
    public static RoomRange ofShard(long firstRoom, int roomsPerShard, Shard shard) {
        if (roomsPerShard < 1) {
            throw new IllegalArgumentException("--rooms " + roomsPerShard + ": a run needs at least one room");
        }
        long first = firstRoom + (long) shard.index() * roomsPerShard;
        return new RoomRange(first, first + roomsPerShard - 1);
    }

    public long size() {
        return last - first + 1;
    }

    public List<Long> ids() {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    public boolean overlaps(RoomRange other) {
        return first <= other.last && other.first <= last;
    }

    /** The rooms both ranges hold; only meaningful when they overlap. */
    public RoomRange intersection(RoomRange other) {
        return new RoomRange(Math.max(first, other.first), Math.min(last, other.last));
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
