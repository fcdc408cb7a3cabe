package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trtcsim.trtc.BanReason;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.ErrorCode;

/** Builds the simulator's outgoing JSON messages (see docs/simulator-protocol.md). */
final class Messages {

    private final ObjectMapper json;

    Messages(ObjectMapper json) {
        this.json = json;
    }

    ObjectMapper json() {
        return json;
    }

    ObjectNode ok(long requestId) {
        return json.createObjectNode().put("type", "response").put("id", requestId).put("ok", true);
    }

    ObjectNode error(long requestId, ErrorCode code, String message) {
        return json.createObjectNode().put("type", "response").put("id", requestId).put("ok", false)
                .put("code", code.code()).put("error", code.name()).put("message", message);
    }

    /**
     * A refusal with the server's reason (RtcError.getExtraCode()): TRTC's documented one, or the
     * simulator's own for a limit.
     */
    ObjectNode error(long requestId, ErrorCode code, int extraCode, String message) {
        return error(requestId, code, message).put("extraCode", extraCode);
    }

    ObjectNode userEvent(ClientEvent event, String userId) {
        return json.createObjectNode().put("type", "event").put("name", event.eventName()).put("userId", userId);
    }

    ObjectNode streamEvent(ClientEvent event, PublishedStream stream) {
        return userEvent(event, stream.userId()).put("streamId", stream.streamId())
                .put("audio", stream.hasAudio()).put("video", stream.hasVideo())
                .put("audioMuted", stream.audioMuted()).put("videoMuted", stream.videoMuted())
                .put("streamType", stream.type().wireName()).put("hasSmall", stream.hasSmall());
    }

    ObjectNode muteEvent(ClientEvent event, PublishedStream stream) {
        return userEvent(event, stream.userId()).put("streamId", stream.streamId());
    }

    /** client-banned as 4.14 documents it: {reason: 'kick' | 'banned' | 'room-disband', message}. */
    ObjectNode banned(String userId, BanReason reason, String message) {
        return userEvent(ClientEvent.CLIENT_BANNED, userId).put("reason", reason.wireName()).put("message", message);
    }

    String write(ObjectNode message) {
        return message.toString();
    }
}
