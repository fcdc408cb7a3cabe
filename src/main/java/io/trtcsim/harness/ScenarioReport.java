package io.trtcsim.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trtcsim.media.metrics.VideoAnalyzer;
import io.trtcsim.report.Charts;
import io.trtcsim.report.FramePictures;
import io.trtcsim.report.ShadedInterval;
import io.trtcsim.sdk.NetworkQuality;
import io.trtcsim.sdk.Playback;
import io.trtcsim.sdk.RemoteStream;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.RoomId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What every scenario's report carries so it explains itself without the console: each
 * participant's event timeline, the media summary of every stream played, the stack's view of the
 * rooms, and on failure the stack's log lines for the rooms involved. The steps also attach a
 * stream's media summary to the step that asserted on it ({@link #attachMediaSummary}).
 */
public final class ScenarioReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioReport() {
    }

    /** A stream a participant played, and the name of its path in the report: "alice to bob", "alice to bob (#2)". */
    private record Played(String path, String receiver, RemoteStream stream, Playback playback) {
    }

    /**
     * Everything the scenario's report carries; {@code failed}: the scenario failed, so the stack's
     * log lines of its rooms are added.
     */
    public static void attachTo(AttachmentSink result, boolean failed, ScenarioContext scenario, Participants participants,
                                NetworkTimeline network) {
        Set<RoomId> rooms = new LinkedHashSet<>();
        // Members of a range are summarised a range at a time (RangeReport), not one by one.
        List<Participant> individuals = participants.all().stream()
                .filter(p -> participants.rangeOf(p.userId()).isEmpty()).toList();
        for (Participant participant : participants.all()) {
            rooms.addAll(participant.roomsTried());
        }
        for (Participant participant : individuals) {
            if (participant.hasClient()) {
                text(result, "events of " + participant.userId(), participant.journal().describe());
            }
        }
        for (ParticipantRange range : participants.ranges()) {
            RangeReport.attach(result, range, participants.inRange(range));
        }
        for (Participant participant : individuals) {
            if (!participant.hasClient()) {
                continue;
            }
            played(participant).forEach(played -> attachMedia(result, participants, network, played));
            attachNetworkQuality(result, participant);
            NetworkReport.attachConditions(result, network, participant.userId(), participant.journal().originNanos());
            var samples = participant.client().statsSamples();
            if (!samples.isEmpty()) {
                try {
                    result.attach(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(samples), "application/json",
                            "WebRTC stats of " + participant.userId() + " (sampled each second)");
                } catch (JsonProcessingException e) {
                    text(result, "WebRTC stats of " + participant.userId(), "could not be written: " + e.getMessage());
                }
            }
        }
        if (!scenario.hasStack()) {
            return;
        }
        scenario.stack().describeRooms().ifPresent(view -> text(result, "rooms as the stack sees them", view));
        if (failed) {
            for (RoomId room : rooms) {
                var lines = scenario.stack().logLines(room);
                if (!lines.isEmpty()) {
                    text(result, "stack log of room " + room, String.join("\n", lines));
                }
            }
        }
    }

    /**
     * The media summary of the latest stream {@code to} played from {@code from}, attached to
     * whatever runs now (Cucumber and Allure put it under the running step). Nothing when there is
     * no such stream: the step's own failure says why.
     */
    public static void attachMediaSummary(AttachmentSink result, Participants participants, NetworkTimeline network,
                                          String from, String to) {
        participants.all().stream().filter(p -> p.userId().equals(to) && p.hasClient()).findFirst()
                .flatMap(receiver -> played(receiver).stream().filter(p -> p.stream().getUserId().equals(from))
                        .reduce((earlier, later) -> later))
                .ifPresent(played -> attachMedia(result, participants, network, played));
    }

    /** A range's figures over a check's window, attached to whatever runs now (the step). */
    public static void attachRangeFigures(AttachmentSink result, RangeFigures figures) {
        RangeReport.attachFigures(result, figures);
    }

    private static List<Played> played(Participant receiver) {
        List<Played> result = new ArrayList<>();
        for (RemoteStream stream : receiver.client().remoteStreamHistory()) {
            stream.playback().ifPresent(playback -> {
                int number = result.size() + 1;
                String path = stream.getUserId() + " to " + receiver.userId()
                        + (number > 1 ? " (#" + number + ")" : "");
                result.add(new Played(path, receiver.userId(), stream, playback));
            });
        }
        return result;
    }

    /** The participant's network-quality events as a plot, when it got any. */
    private static void attachNetworkQuality(AttachmentSink result, Participant participant) {
        List<double[]> uplink = new ArrayList<>();
        List<double[]> downlink = new ArrayList<>();
        long origin = participant.journal().originNanos();
        for (var entry : participant.journal().entries()) {
            if (entry.event() == ClientEvent.NETWORK_QUALITY) {
                var quality = (NetworkQuality) entry.payload();
                double seconds = (entry.atNanos() - origin) / 1e9;
                uplink.add(new double[] {seconds, quality.uplinkNetworkQuality()});
                downlink.add(new double[] {seconds, quality.downlinkNetworkQuality()});
            }
        }
        if (!uplink.isEmpty()) {
            png(result, "network quality of " + participant.userId(),
                    Charts.networkQuality("network-quality of " + participant.userId(), uplink, downlink));
        }
    }

    private static void attachMedia(AttachmentSink result, Participants participants, NetworkTimeline network,
                                    Played played) {
        String path = played.path();
        Playback playback = played.playback();
        long subscribed = played.stream().subscribeStartedMicros();
        long published = participants.all().stream()
                .filter(p -> p.userId().equals(played.stream().getUserId()) && p.hasClient())
                .mapToLong(p -> p.client().publishStartedMicros()).findFirst().orElse(-1);
        String firstFrame = playback.video().map(v -> {
            var analyzer = new VideoAnalyzer();
            return "first frame " + since(analyzer.firstFrameDelayMillis(v.frames(), subscribed), subscribed, "subscribe")
                    + ", " + since(analyzer.firstFrameDelayMillis(v.frames(), published), published, "publish") + "\n";
        }).orElse("");
        text(result, "media from " + path, firstFrame
                + playback.video().map(v -> "video: " + MediaChecks.wholeVideo(v.frames()).describe()).orElse("no video")
                        + "\n" + playback.audio().map(a -> "audio: " + MediaChecks.wholeAudio(a.chunks()).describe())
                        .orElse("no audio"));
        playback.video().ifPresent(video -> {
            var frames = video.frames();
            List<ShadedInterval> outages = frames.isEmpty() ? List.of() : NetworkReport.outagesOnPath(network,
                    played.stream().getUserId(), played.receiver(), frames.get(0).arrivalMicros(),
                    frames.get(frames.size() - 1).arrivalMicros());
            png(result, "frame rate from " + path, Charts.frameRate("frame rate, " + path, frames, outages));
            png(result, "latency from " + path, Charts.latency("capture-to-render latency, " + path, frames, outages));
            png(result, "latency distribution from " + path, Charts.latencyDistribution("latency distribution, " + path, frames));
            video.firstImage().ifPresent(image -> png(result, "first frame from " + path, FramePictures.png(image)));
            video.lastImage().ifPresent(image -> png(result, "last frame from " + path, FramePictures.png(image)));
        });
        playback.audio().ifPresent(audio -> png(result, "audio level from " + path,
                Charts.audioLevel("audio level, " + path, audio.chunks())));
    }

    private static String since(OptionalDouble delay, long reference, String what) {
        if (reference < 0 || delay.isEmpty()) {
            return "(no " + what + " to measure from)";
        }
        return String.format(Locale.ROOT, "%.0f ms after %s", delay.getAsDouble(), what);
    }

    private static void png(AttachmentSink result, String name, byte[] image) {
        result.attach(image, "image/png", name);
    }

    private static void text(AttachmentSink result, String name, String body) {
        result.attach(body.getBytes(StandardCharsets.UTF_8), "text/plain", name);
    }
}
