package io.trtcsim.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading fields of client requests, refusing missing ones by name. */
final class Requests {

    private Requests() {
    }

    static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw SignalingException.invalidParameter("'" + field + "' is missing or not a non-empty string");
        }
        return value.asText();
    }
}
