package io.trtcsim.simulator;

import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Who is in a room and what they publish. Guarded by its own monitor: membership changes and the
 * snapshots taken for fan-out must agree, or a newcomer could miss a stream published meanwhile.
 * <p>
 * The members the others hear of ({@link Member#visible}: everyone in 'rtc' mode, the anchors in
 * 'live' mode) are also kept apart, so that welcoming a newcomer costs the number of anchors, not the
 * size of an audience of thousands (which made a ramp of n joins cost n² steps).
 */
final class Room {

    private final RoomKey key;
    private final Map<String, Member> members = new LinkedHashMap<>();
    /** The visible ones among {@code members}, in the order they became visible. */
    private final Map<String, Member> visible = new LinkedHashMap<>();
    private final Map<String, PublishedStream> streams = new LinkedHashMap<>();

    Room(RoomKey key) {
        this.key = key;
    }

    RoomKey key() {
        return key;
    }

    RoomId roomId() {
        return key.roomId();
    }

    long sdkAppId() {
        return key.sdkAppId();
    }

    synchronized Optional<Member> member(String userId) {
        return Optional.ofNullable(members.get(userId));
    }

    /** Removes the member only if it is still the one given (a newer login may have replaced it). */
    synchronized boolean remove(Member member) {
        visible.remove(member.userId(), member);
        return members.remove(member.userId(), member);
    }

    /** switchRole: the member's new role, and whether the others hear of it from now on. */
    synchronized void changeRole(Member member, Role role) {
        member.role(role);
        if (members.get(member.userId()) != member) {
            return;
        }
        if (member.visible()) {
            visible.putIfAbsent(member.userId(), member);
        } else {
            visible.remove(member.userId(), member);
        }
    }

    synchronized int size() {
        return members.size();
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

    /**
     * Adds a member and welcomes it in the same instant: {@code welcome} gets the visible others and
     * the streams as they are now, and runs under this room's monitor (it only queues messages), so
     * no stream can be announced to the newcomer before its welcome, or both ways, or neither.
     */
    synchronized void admit(Member member, BiConsumer<List<Member>, List<PublishedStream>> welcome) {
        Member replaced = members.put(member.userId(), member);
        if (replaced != null) {
            visible.remove(member.userId(), replaced);
        }
        if (member.visible()) {
            visible.put(member.userId(), member);
        }
        welcome.accept(visibleOthersThan(member), new ArrayList<>(streams.values()));
    }

    /**
     * A member that resumed its membership on a new connection is welcomed again, as a newcomer is
     * (see {@link #admit}): {@code welcome} gets the visible others and the others' streams as they are now.
     */
    synchronized void welcomeBack(Member member, BiConsumer<List<Member>, List<PublishedStream>> welcome) {
        welcome.accept(visibleOthersThan(member), streams.values().stream()
                .filter(stream -> !stream.userId().equals(member.userId())).toList());
    }

    private List<Member> visibleOthersThan(Member member) {
        return visible.values().stream().filter(m -> m != member).toList();
    }

    /** Adds a stream and tells the members there now, in the same instant (see {@link #admit}). */
    synchronized void addStream(PublishedStream stream, Member publisher, Consumer<List<Member>> announcement) {
        streams.put(stream.streamId(), stream);
        announcement.accept(othersThan(publisher));
    }

    /** Removes the stream if it is still there and tells the members there now; false if it was not. */
    synchronized boolean removeStream(PublishedStream stream, Member publisher, Consumer<List<Member>> announcement) {
        if (!streams.remove(stream.streamId(), stream)) {
            return false;
        }
        announcement.accept(othersThan(publisher));
        return true;
    }

    synchronized Optional<PublishedStream> stream(String streamId) {
        return Optional.ofNullable(streams.get(streamId));
    }

    synchronized List<PublishedStream> streams() {
        return new ArrayList<>(streams.values());
    }

    @Override
    public String toString() {
        return "room " + key;
    }
}
