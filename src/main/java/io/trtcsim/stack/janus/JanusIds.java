package io.trtcsim.stack.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.trtcsim.trtc.RoomId;
import java.util.Optional;

/**
 * How a Janus VideoRoom names its rooms and participants: by numbers (its default) or by strings
 * ({@code string_ids = true}, one switch for the whole plugin, rooms and participants alike).
 *
 * <p>TRTC keeps numeric and string rooms side by side: 8888 and "8888" are two rooms. Only a
 * VideoRoom with string ids can hold both kinds apart, so the Janus the harness configures has
 * string ids and a TRTC room maps onto exactly one Janus room: numeric 8888 onto "8888", string
 * "class-7A" onto "str:class-7A" (a Janus room of digits alone is always a numeric TRTC room, and no
 * string room's name is digits alone after the prefix is added). A Janus someone else runs with
 * numbers takes numeric TRTC rooms only.
 */
enum JanusIds {

    /** {@code string_ids} off, Janus's default: rooms and participants are integers. */
    NUMBERS,
    /** {@code string_ids = true}: rooms and participants are strings. */
    STRINGS;

    /** What a string TRTC room's Janus room starts with. */
    static final String STRING_ROOM_PREFIX = "str:";

    /** The Janus room of a TRTC room; empty when this naming has none for it (a string room on numbers). */
    Optional<JsonNode> room(RoomId roomId) {
        if (roomId instanceof RoomId.Numeric numeric) {
            return Optional.of(this == NUMBERS ? JsonNodeFactory.instance.numberNode(numeric.value())
                    : JsonNodeFactory.instance.textNode(Long.toString(numeric.value())));
        }
        RoomId.Text text = (RoomId.Text) roomId;
        return this == NUMBERS ? Optional.empty()
                : Optional.of(JsonNodeFactory.instance.textNode(STRING_ROOM_PREFIX + text.value()));
    }

    /**
     * A participant (feed) id as Janus writes it back from its text form, the stream id the SDK
     * carries; empty when the text cannot be one (not an integer where ids are numbers, or blank).
     */
    Optional<JsonNode> participant(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        if (this == STRINGS) {
            return Optional.of(JsonNodeFactory.instance.textNode(id));
        }
        try {
            return Optional.of(JsonNodeFactory.instance.numberNode(Long.parseLong(id)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A participant id in a Janus message as text, whichever naming wrote it; empty for no id. To the
     * participant itself Janus writes "ok" where others get an id ({@code unpublished},
     * {@code leaving}): that is no id either.
     */
    static Optional<String> participantIn(JsonNode value) {
        if (value.isIntegralNumber()) {
            return Optional.of(value.asText());
        }
        if (value.isTextual() && !value.textValue().isBlank() && !"ok".equals(value.textValue())) {
            return Optional.of(value.textValue());
        }
        return Optional.empty();
    }
}
