package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    ObjectNode userEvent(ClientEvent event, String userId) {
        return json.createObjectNode().put("type", "event").put("name", event.eventName()).put("userId", userId);
    }

    ObjectNode streamEvent(ClientEvent event, PublishedStream stream) {
        return userEvent(event, stream.userId()).put("streamId", stream.streamId())
                .put("audio", stream.hasAudio()).put("video", stream.hasVideo())
                .put("audioMuted", stream.audioMuted()).put("videoMuted", stream.videoMuted());
    }

    ObjectNode muteEvent(ClientEvent event, PublishedStream stream) {
        return userEvent(event, stream.userId()).put("streamId", stream.streamId());
    }

    ObjectNode banned(String userId, String reason) {
        return userEvent(ClientEvent.CLIENT_BANNED, userId).put("reason", reason);
    }

    String write(ObjectNode message) {
        return message.toString();
    }
}
