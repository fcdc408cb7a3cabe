package io.trtcsim.harness;

import io.trtcsim.report.Charts;
import io.trtcsim.sdk.JournalEntry;
import io.trtcsim.sdk.RemoteStream;
import io.trtcsim.trtc.ClientEvent;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A range of participants in a report: one table of the events each member received, and per
 * publisher they played one table of their video (participant, fps, p95, freezes, first frame) with
 * the spread plotted, in place of one attachment per participant.
 */
final class RangeReport {

    private RangeReport() {
    }

    /** The scenario's summary of a range, over each member's whole playback. */
    static void attach(AttachmentSink result, ParticipantRange range, List<Participant> members) {
        text(result, "events of " + range, events(range, members));
        for (String publisher : publishersPlayed(members)) {
            attachFigures(result, RangeChecks.wholePlayback(members, range, publisher));
        }
    }

    /** The table and the distribution plots of one publisher's video to the range. */
    static void attachFigures(AttachmentSink result, RangeFigures figures) {
        String path = figures.from() + " to " + figures.range();
        text(result, "video from " + path, figures.table());
        png(result, "frame rate across " + path, Charts.acrossParticipants("frame rate, " + path, "fps",
                figures.rows().stream().mapToDouble(RangeFigures.Row::fps).toArray()));
        png(result, "latency p95 across " + path, Charts.acrossParticipants("capture-to-render latency p95, " + path,
                "ms", figures.rows().stream().mapToDouble(RangeFigures.Row::latencyP95Millis).toArray()));
    }

    /** A line per member: how many of each event it received, and its last. */
    private static String events(ParticipantRange range, List<Participant> members) {
        StringBuilder out = new StringBuilder("events of " + range + ", by member (counts of each event received)\n\n");
        for (Participant member : members) {
            if (!member.hasClient()) {
                out.append(member).append(": no client\n");
                continue;
            }
            List<JournalEntry> entries = member.journal().entries();
            Map<ClientEvent, Long> counts = new EnumMap<>(ClientEvent.class);
            entries.forEach(entry -> counts.merge(entry.event(), 1L, Long::sum));
            out.append(member).append(": ")
                    .append(counts.isEmpty() ? "no events" : counts.entrySet().stream()
                            .map(count -> count.getKey() + " x" + count.getValue()).collect(Collectors.joining(", ")))
                    .append(entries.isEmpty() ? "" : String.format(Locale.ROOT, "; last: %s",
                            entries.get(entries.size() - 1).describe(member.journal().originNanos()).trim()))
                    .append('\n');
        }
        return out.toString();
    }

    private static Set<String> publishersPlayed(List<Participant> members) {
        Set<String> publishers = new LinkedHashSet<>();
        for (Participant member : members) {
            if (member.hasClient()) {
                member.client().remoteStreamHistory().stream().filter(stream -> stream.playback().isPresent())
                        .map(RemoteStream::getUserId).forEach(publishers::add);
            }
        }
        return publishers;
    }

    private static void png(AttachmentSink result, String name, byte[] image) {
        result.attach(image, "image/png", name);
    }

    private static void text(AttachmentSink result, String name, String body) {
        result.attach(body.getBytes(StandardCharsets.UTF_8), "text/plain", name);
    }
}
