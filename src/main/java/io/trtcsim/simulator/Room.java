package io.trtcsim.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is in a room and what they publish. Guarded by its own monitor: membership changes and the
 * snapshots taken for fan-out must agree, or a newcomer could miss a stream published meanwhile.
 */
final class Room {

    private final RoomKey key;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, PublishedStream> streams = new LinkedHashMap<>();

    Room(RoomKey key) {
        this.key = key;
    }

    RoomKey key() {
        return key;
    }

    long roomId() {
        return key.roomId();
    }

    long sdkAppId() {
        return key.sdkAppId();
    }

    synchronized Optional<Member> member(String userId) {
        return Optional.ofNullable(members.get(userId));
    }

    synchronized void add(Member member) {
        members.put(member.userId(), member);
    }

    /** Removes the member only if it is still the one given (a newer login may have replaced it). */
    synchronized boolean remove(Member member) {
        return members.remove(member.userId(), member);
    }

    synchronized List<Member> members() {
        return new ArrayList<>(members.values());
    }

    synchronized List<Member> othersThan(Member member) {
        return members.values().stream().filter(m -> m != member).toList();
    }

    synchronized boolean isEmpty() {
        return members.isEmpty();
    }

    synchronized void addStream(PublishedStream stream) {
        streams.put(stream.streamId(), stream);
    }

    synchronized Optional<PublishedStream> stream(String streamId) {
        return Optional.ofNullable(streams.get(streamId));
    }

    synchronized Optional<PublishedStream> removeStream(PublishedStream stream) {
        return streams.remove(stream.streamId(), stream) ? Optional.of(stream) : Optional.empty();
    }

    synchronized List<PublishedStream> streams() {
        return new ArrayList<>(streams.values());
    }

    @Override
    public String toString() {
        return "room " + key;
    }
}
