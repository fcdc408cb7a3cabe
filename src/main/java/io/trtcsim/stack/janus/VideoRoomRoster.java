package io.trtcsim.stack.janus;

import com.fasterxml.jackson.databind.JsonNode;
import io.trtcsim.sdk.signaling.RoomEvent;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The room as one participant's publisher handle hears of it, turned into TRTC's events: Janus's
 * {@code joined} reply and its {@code joining}, {@code publishers}, {@code unpublished},
 * {@code leaving} and {@code kicked} notifications become peer-join, stream-added, stream-removed
 * and peer-leave. A peer is a VideoRoom participant id, a number or a string as the plugin's
 * {@link JanusIds} has it; its stream id is that id as text, its TRTC userId the participant's
 * {@code display}. The participant's own id is never reported.
 *
 * <p>Fed on the connection's thread only; read from others (the map is concurrent).
 */
final class VideoRoomRoster {

    private record Peer(String id, String userId, boolean publishing, boolean audio, boolean video) {

        Peer publishing(boolean audio, boolean video) {
            return new Peer(id, userId, true, audio, video);
        }

        Peer unpublished() {
            return new Peer(id, userId, false, false, false);
        }

        String streamId() {
            return id;
        }
    }

    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private volatile String ownId = "";

    /** The publisher {@code joined} reply: everyone already there, then the streams already published. */
    List<RoomEvent> onJoined(JsonNode joined) {
        ownId = JanusIds.participantIn(joined.path("id")).orElse("");
        List<RoomEvent> events = new ArrayList<>();
        for (JsonNode attendee : joined.path("attendees")) {
            joining(attendee, events);
        }
        for (JsonNode publisher : joined.path("publishers")) {
            published(publisher, events);
        }
        return events;
    }

    /** A notification on the publisher handle; anything that is not about the room's members yields nothing. */
    List<RoomEvent> onRoomEvent(JsonNode data) {
        List<RoomEvent> events = new ArrayList<>();
        if (data.has("joining")) {
            joining(data.path("joining"), events);
        }
        for (JsonNode publisher : data.path("publishers")) {
            published(publisher, events);
        }
        // To the participant itself these fields say "ok": only an id names another participant.
        JanusIds.participantIn(data.path("unpublished")).ifPresent(id -> unpublished(id, events));
        JanusIds.participantIn(data.path("leaving"))
                .ifPresent(id -> leaving(id, data.path("display").asText(null), events));
        JanusIds.participantIn(data.path("kicked")).ifPresent(id -> leaving(id, null, events));
        return events;
    }

    String ownId() {
        return ownId;
    }

    boolean isPublishing(String id) {
        Peer peer = peers.get(id);
        return peer != null && peer.publishing();
    }

    Optional<String> userOf(String id) {
        return Optional.ofNullable(peers.get(id)).map(Peer::userId);
    }

    private void joining(JsonNode participant, List<RoomEvent> events) {
        String id = JanusIds.participantIn(participant.path("id")).orElse("");
        if (id.isEmpty() || id.equals(ownId) || peers.containsKey(id)) {
            return;
        }
        Peer peer = new Peer(id, userIdOf(participant, id), false, false, false);
        peers.put(id, peer);
        events.add(RoomEvent.ofUser(ClientEvent.PEER_JOIN, peer.userId()));
    }

    private void published(JsonNode publisher, List<RoomEvent> events) {
        String id = JanusIds.participantIn(publisher.path("id")).orElse("");
        if (id.isEmpty() || id.equals(ownId)) {
            return;
        }
        joining(publisher, events);
        Peer known = peers.get(id);
        if (known.publishing()) {
            // Janus repeats a publisher when its streams change; TRTC announces a stream once.
            return;
        }
        Peer peer = known.publishing(hasStream(publisher, MediaKind.AUDIO), hasStream(publisher, MediaKind.VIDEO));
        peers.put(id, peer);
        events.add(streamEvent(ClientEvent.STREAM_ADDED, peer));
    }

    private void unpublished(String id, List<RoomEvent> events) {
        Peer peer = peers.get(id);
        if (peer == null || !peer.publishing()) {
            return;
        }
        events.add(streamEvent(ClientEvent.STREAM_REMOVED, peer));
        peers.put(id, peer.unpublished());
    }

    private void leaving(String id, String display, List<RoomEvent> events) {
        if (id.equals(ownId)) {
            return;
        }
        unpublished(id, events);
        Peer peer = peers.remove(id);
        String userId = peer != null ? peer.userId() : display;
        if (userId != null) {
            events.add(RoomEvent.ofUser(ClientEvent.PEER_LEAVE, userId));
        }
    }

    private static String userIdOf(JsonNode participant, String id) {
        String display = participant.path("display").asText("");
        return display.isEmpty() ? "janus-participant-" + id : display;
    }

    /** Janus 1.x lists a publisher's media as {@code streams}; a disabled stream carries nothing. */
    private static boolean hasStream(JsonNode publisher, MediaKind kind) {
        String type = kind.wireName();
        for (JsonNode stream : publisher.path("streams")) {
            if (type.equals(stream.path("type").asText()) && !stream.path("disabled").asBoolean(false)) {
                return true;
            }
        }
        return publisher.hasNonNull(type + "_codec");
    }

    private static RoomEvent streamEvent(ClientEvent type, Peer peer) {
        return RoomEvent.ofStream(type, peer.userId(), peer.streamId(), MediaKind.of(peer.audio(), peer.video()));
    }
}
