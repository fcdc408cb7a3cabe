package io.trtcsim.sdk;

import java.util.Optional;

/** client-banned: why the stack removed the client, where it said. */
public record BanNotice(Optional<String> reason) implements EventPayload {

    @Override
    public String toString() {
        return reason.map(text -> "{reason=" + text + "}").orElse("");
    }
}
