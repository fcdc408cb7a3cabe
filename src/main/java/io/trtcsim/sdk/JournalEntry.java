package io.trtcsim.sdk;

import io.trtcsim.trtc.ClientEvent;

/**
 * One event a client received, stamped with a monotonic clock ({@link System#nanoTime()}) when
 * the SDK delivered it. {@code userId} is whom it concerns (the publisher for stream events).
 */
public record JournalEntry(long atNanos, ClientEvent event, String userId, String streamId, EventPayload payload) {

    public String describe(long originNanos) {
        double seconds = (atNanos - originNanos) / 1e9;
        StringBuilder text = new StringBuilder(String.format("+%.3fs %s", seconds, event.eventName()));
        if (userId != null) {
            text.append(" from ").append(userId);
        }
        if (streamId != null) {
            text.append(" stream ").append(streamId);
        }
        String fields = payload.toString();
        if (!fields.isEmpty()) {
            text.append(' ').append(fields);
        }
        return text.toString();
    }
}
