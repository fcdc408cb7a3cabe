package io.trtcsim.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a fuzz run: what was sent, what came back, how the watchers fared, and the
 * findings (none when it passed). Printed as lines and written as JSON.
 */
record FuzzReport(FuzzPlan plan, long durationMillis, String stoppedBy, FuzzTally.Counts counts, long healthPolls,
                  long healthSlowPolls, long healthWorstMillis, long probes, long probeWorstMillis,
                  long sentinelHeartbeats, long sentinelWorstMillis, List<String> findings) {

    boolean passed() {
        return findings.isEmpty();
    }

    FuzzExitStatus exitStatus() {
        return passed() ? FuzzExitStatus.PASSED : FuzzExitStatus.FINDING;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("fuzz of " + plan.url() + ": seed " + plan.seed() + ", " + plan.connections() + " parallel connections, "
                + String.format("%.1f", durationMillis / 1000.0) + " s, stopped by " + describeStop());
        lines.add("sent: " + counts.hostileSent() + " hostile messages in " + counts.scenarios() + " connections ("
                + counts.connections() + " opened)");
        counts.sentByCategory().forEach((category, count) -> lines.add(String.format("  %-20s %,9d", category, count)));
        counts.unsentByCategory().forEach((category, count) ->
                lines.add(String.format("  not sent (server had closed): %-20s %,d", category, count)));
        lines.add("markers (a heartbeat after each connection's messages): " + counts.markersSent() + " sent, "
                + counts.markersAnswered() + " answered, " + counts.markersUnanswered() + " unanswered within 5 s, "
                + counts.markersClosedFirst() + " on connections the server closed first");
        lines.add("replies: " + counts.repliesTotal() + " (markers' answers among the ok)");
        counts.replies().forEach((kind, count) -> lines.add(String.format("  %-40s %,9d", kind, count)));
        lines.add("connections closed by the server: " + counts.serverClosesTotal() + (counts.expectedClosesMissing() > 0
                ? " (" + counts.expectedClosesMissing() + " expected closes did not come within 5 s)" : ""));
        counts.serverCloses().forEach((code, count) -> lines.add(String.format("  status %-32s %,9d", code, count)));
        counts.serverClosesByCategory().forEach((category, count) -> lines.add(String.format("  after %-33s %,9d", category, count)));
        if (!counts.connectFailures().isEmpty()) {
            lines.add("connections not opened: " + counts.connectFailures());
        }
        lines.add("/health: " + healthPolls + " polls every 200 ms, worst " + healthWorstMillis + " ms, " + healthSlowPolls
                + " over 1 s or failed");
        lines.add("liveness probes (a heartbeat on a fresh connection): " + probes + ", worst " + probeWorstMillis + " ms");
        lines.add("sentinel: " + sentinelHeartbeats + " heartbeats answered, worst " + sentinelWorstMillis + " ms");
        if (findings.isEmpty()) {
            lines.add("PASSED: no crash, no hang, the sentinel undisturbed, /health always within 1 s");
        } else {
            lines.add("FINDINGS:");
            findings.forEach(finding -> lines.add("  " + finding));
        }
        return lines;
    }

    private String describeStop() {
        return switch (stoppedBy) {
            case "messages" -> "reaching " + plan.messages() + " messages";
            case "duration" -> "the duration limit (" + plan.duration() + ") before " + plan.messages() + " messages";
            default -> stoppedBy;
        };
    }

    /** The summary as JSON-ready maps (fuzz-summary.json). */
    Map<String, Object> toMap() {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("total", counts.hostileSent());
        sent.put("byCategory", counts.sentByCategory());
        sent.put("notSentByCategory", counts.unsentByCategory());
        sent.put("connectionsUsed", counts.scenarios());
        sent.put("connectionsOpened", counts.connections());
        sent.put("connectFailures", counts.connectFailures());
        sent.put("markers", counts.markersSent());
        Map<String, Object> received = new LinkedHashMap<>();
        received.put("replies", counts.repliesTotal());
        received.put("repliesByKind", counts.replies());
        received.put("markersAnswered", counts.markersAnswered());
        received.put("markersUnanswered", counts.markersUnanswered());
        received.put("markersOnConnectionsClosedFirst", counts.markersClosedFirst());
        received.put("closedByServer", counts.serverClosesTotal());
        received.put("closedByServerByStatus", counts.serverCloses());
        received.put("closedByServerByCategory", counts.serverClosesByCategory());
        received.put("expectedClosesMissing", counts.expectedClosesMissing());
        Map<String, Object> watch = new LinkedHashMap<>();
        watch.put("healthPolls", healthPolls);
        watch.put("healthWorstMillis", healthWorstMillis);
        watch.put("healthSlowPolls", healthSlowPolls);
        watch.put("probes", probes);
        watch.put("probeWorstMillis", probeWorstMillis);
        watch.put("sentinelHeartbeatsAnswered", sentinelHeartbeats);
        watch.put("sentinelWorstMillis", sentinelWorstMillis);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("url", plan.url().toString());
        summary.put("healthUrl", plan.healthUrl().toString());
        summary.put("seed", plan.seed());
        summary.put("messagesTarget", plan.messages());
        summary.put("connections", plan.connections());
        summary.put("durationMillis", durationMillis);
        summary.put("stoppedBy", stoppedBy);
        summary.put("sent", sent);
        summary.put("received", received);
        summary.put("watch", watch);
        summary.put("findings", findings);
        summary.put("outcome", passed() ? "passed" : "finding");
        summary.put("exitStatus", exitStatus().code());
        return summary;
    }
}
