package io.trtcsim.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the fuzzer sent and what came back, counted from every connection at once: messages per
 * category, replies by kind (ok, error name, event name), connections the server closed by status
 * code, connections that could not be opened by why.
 */
final class FuzzTally {

    /** How a server's TCP close without a close frame is counted among the closes. */
    static final String NO_CLOSE_FRAME = "no close frame (TCP closed)";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> unsent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> replies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> serverCloses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> serverClosesByCategory = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> connectFailures = new ConcurrentHashMap<>();
    private final LongAdder hostileSent = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final LongAdder scenarios = new LongAdder();
    private final LongAdder markersSent = new LongAdder();
    private final LongAdder markersAnswered = new LongAdder();
    private final LongAdder markersUnanswered = new LongAdder();
    private final LongAdder markersClosedFirst = new LongAdder();
    private final LongAdder expectedClosesMissing = new LongAdder();

    void sent(Category category) {
        count(sent, category.label());
        hostileSent.increment();
    }

    /** A frame of the scenario not written because the server had closed the connection already. */
    void unsent(Category category) {
        count(unsent, category.label());
    }

    long hostileSent() {
        return hostileSent.sum();
    }

    void connectionOpened() {
        connections.increment();
    }

    void scenarioRun() {
        scenarios.increment();
    }

    void connectFailed(String why) {
        count(connectFailures, why);
    }

    void markerSent() {
        markersSent.increment();
    }

    void markerAnswered() {
        markersAnswered.increment();
    }

    void markerUnanswered() {
        markersUnanswered.increment();
    }

    /** The server closed the connection before it answered the marker. */
    void markerClosedFirst() {
        markersClosedFirst.increment();
    }

    /** A frame whose last message should have made the server close did not, within the wait. */
    void expectedCloseMissing() {
        expectedClosesMissing.increment();
    }

    /** A frame the server sent: counted by what it is. Returns the parsed message (null when not a JSON object). */
    JsonNode received(Frame frame, Category category) {
        if (frame.opcode() == Frame.CLOSE) {
            count(serverCloses, Integer.toString(frame.closeCode()));
            count(serverClosesByCategory, category.label());
            return null;
        }
        if (frame.opcode() != Frame.TEXT) {
            count(replies, "binary frame");
            return null;
        }
        JsonNode message;
        try {
            message = json.readTree(frame.payload());
        } catch (java.io.IOException e) {
            count(replies, "not JSON");
            return null;
        }
        if (message == null || !message.isObject()) {
            count(replies, "not a JSON object");
            return null;
        }
        String type = message.path("type").asText("");
        if (type.equals("response")) {
            count(replies, message.path("ok").asBoolean(false) ? "ok" : "error " + message.path("error").asText("(no name)")
                    + " (" + message.path("code").asText("?") + ")");
        } else if (type.equals("event")) {
            count(replies, "event " + message.path("name").asText("(no name)"));
        } else {
            count(replies, "type '" + type + "'");
        }
        return message;
    }

    void closedWithoutCloseFrame(Category category) {
        count(serverCloses, NO_CLOSE_FRAME);
        count(serverClosesByCategory, category.label());
    }

    private static void count(Map<String, LongAdder> counters, String key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    Counts snapshot() {
        return new Counts(hostileSent.sum(), sorted(sent), sorted(unsent), scenarios.sum(), connections.sum(), sorted(connectFailures),
                markersSent.sum(), markersAnswered.sum(), markersUnanswered.sum(), markersClosedFirst.sum(), sorted(replies),
                sorted(serverCloses), sorted(serverClosesByCategory), expectedClosesMissing.sum());
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counters) {
        Map<String, Long> sorted = new TreeMap<>();
        counters.forEach((key, value) -> sorted.put(key, value.sum()));
        return sorted;
    }

    /** The counts at one moment; the maps are sorted by key. */
    record Counts(long hostileSent, Map<String, Long> sentByCategory, Map<String, Long> unsentByCategory, long scenarios,
                  long connections, Map<String, Long> connectFailures, long markersSent, long markersAnswered,
                  long markersUnanswered, long markersClosedFirst, Map<String, Long> replies, Map<String, Long> serverCloses,
                  Map<String, Long> serverClosesByCategory, long expectedClosesMissing) {

        long repliesTotal() {
            return replies.values().stream().mapToLong(Long::longValue).sum();
        }

        long serverClosesTotal() {
            return serverCloses.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
