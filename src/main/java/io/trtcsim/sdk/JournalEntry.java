package io.trtcsim.sdk;

import io.trtcsim.trtc.ClientEvent;
import java.util.Map;

/**
 * One event a client received, stamped with a monotonic clock ({@link System#nanoTime()}) when
 * the SDK delivered it. {@code userId} is whom it concerns (the publisher for stream events).
 */
public record JournalEntry(long atNanos, ClientEvent event, String userId, String streamId, Map<String, String> details) {

    public String describe(long originNanos) {
        double seconds = (atNanos - originNanos) / 1e9;
        StringBuilder text = new StringBuilder(String.format("+%.3fs %s", seconds, event.eventName()));
        if (userId != null) {
            text.append(" from ").append(userId);
        }
        if (streamId != null) {
            text.append(" stream ").append(streamId);
        }
        if (!details.isEmpty()) {
            text.append(' ').append(details);
        }
        return text.toString();
    }
}
