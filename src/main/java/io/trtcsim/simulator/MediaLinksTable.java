package io.trtcsim.simulator;

import java.util.List;
import java.util.Map;

/** The media plane's links as lines of text for reports: one line per uplink or downlink. */
final class MediaLinksTable {

    private MediaLinksTable() {
    }

    static String of(List<Map<String, Object>> links, String state) {
        if (links.isEmpty()) {
            return "  (no " + state + " links)\n";
        }
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> link : links) {
            text.append("  ").append(state).append(' ').append(link.get("link")).append(' ').append(link.get("stream"));
            if (link.containsKey("subscriber")) {
                text.append(" to ").append(link.get("subscriber"));
            }
            text.append(": port ").append(link.get("port")).append(", peer ").append(link.get("peer"))
                    .append(Boolean.TRUE.equals(link.get("connected")) ? ", connected" : ", not connected")
                    .append("; in ").append(link.get("packetsIn")).append(" packets ").append(kbps(link.get("bitrateIn")))
                    .append(", out ").append(link.get("packetsOut")).append(" packets ").append(kbps(link.get("bitrateOut")))
                    .append("; RTCP in ").append(link.get("rtcpIn")).append(" out ").append(link.get("rtcpOut"))
                    .append("; NACKs in ").append(link.get("nacksIn")).append(" out ").append(link.get("nacksOut"))
                    .append(", retransmitted ").append(link.get("retransmitted"))
                    .append("; PLIs in ").append(link.get("plisIn")).append(" out ").append(link.get("plisOut"));
            if (link.containsKey("remb")) {
                text.append("; REMB sent ").append(kbps(link.get("remb")));
            }
            if (link.get("tracks") instanceof List<?> tracks) {
                for (Object track : tracks) {
                    if (track instanceof Map<?, ?> figures) {
                        text.append("; ").append(figures.get("kind")).append(' ').append(figures.get("ssrc"))
                                .append(" received ").append(figures.get("packetsReceived")).append(" lost ")
                                .append(figures.get("packetsLost")).append(" jitter ").append(figures.get("jitterMs")).append(" ms");
                    }
                }
            }
            if (link.containsKey("reportedPacketsLost")) {
                text.append("; subscriber reports lost ").append(link.get("reportedPacketsLost"))
                        .append(" (fraction ").append(link.get("reportedFractionLost")).append(')');
            }
            text.append("; dropped ").append(link.get("dropped")).append('\n');
        }
        return text.toString();
    }

    /** The network paths with conditions or figures (MediaPlane.networkPaths()), one line each. */
    static String network(List<Map<String, Object>> paths) {
        if (paths.isEmpty()) {
            return "  (no network conditions)\n";
        }
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> path : paths) {
            text.append("  ").append(path.get("sdkAppId")).append('/').append(path.get("userId"));
            if (path.containsKey("stream")) {
                text.append(" receiving ").append(path.get("stream")).append(": loses ").append(path.get("lossPercent"))
                        .append("%, lost ").append(path.get("lost")).append('\n');
                continue;
            }
            text.append(' ').append(path.get("direction")).append(": ").append(path.get("conditions"))
                    .append("; passed ").append(path.get("passed")).append(", lost ").append(path.get("lost"))
                    .append(", dropped by outage ").append(path.get("droppedByOutage"))
                    .append(", by queue overflow ").append(path.get("droppedByQueueOverflow"))
                    .append(", queued ").append(path.get("queued")).append('\n');
        }
        return text.toString();
    }

    private static String kbps(Object bitsPerSecond) {
        return bitsPerSecond instanceof Number number ? Math.round(number.doubleValue() / 1000) + " kb/s" : "? kb/s";
    }
}
