package io.trtcsim.sdk;

import io.trtcsim.trtc.RtcError;

/** error: what went wrong on its own, outside any call of the app (a reconnection that failed). */
public record ErrorNotice(RtcError error) implements EventPayload {

    @Override
    public String toString() {
        return "{code=" + error.errorCode() + ", message=" + error.getMessage() + "}";
    }
}
