package io.trtcsim.sdk;

import io.trtcsim.trtc.BanReason;
import java.util.Optional;

/**
 * client-banned as 4.14 documents it: {@code {reason, message}}, reason one of 'kick', 'banned',
 * 'room-disband'. A stack that gives no reason (or one TRTC does not document) leaves it empty, and
 * its words, if any, are the message.
 */
public record BanNotice(Optional<BanReason> reason, Optional<String> message) implements EventPayload {

    @Override
    public String toString() {
        return "{reason=" + reason.map(BanReason::wireName).orElse("none") + message.map(text -> ", message=" + text).orElse("")
                + "}";
    }
}
