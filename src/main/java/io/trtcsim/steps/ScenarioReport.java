package io.trtcsim.steps;

import io.cucumber.java.Scenario;
import io.trtcsim.harness.MediaChecks;
import io.trtcsim.report.Charts;
import io.trtcsim.report.FramePictures;
import io.trtcsim.harness.Participant;
import io.trtcsim.sdk.RemoteStream;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.ScenarioContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every scenario's report carries so it explains itself without the console: each
 * participant's event timeline, the stack's view of the rooms, and on failure the stack's log
 * lines for the rooms involved.
 */
final class ScenarioReport {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private ScenarioReport() {
    }

    static void attachTo(Scenario result, ScenarioContext scenario, Participants participants) {
        Set<Long> rooms = new TreeSet<>();
        for (Participant participant : participants.all()) {
            rooms.addAll(participant.roomsTried());
            if (participant.hasClient()) {
                text(result, "events of " + participant.userId(), participant.journal().describe());
            }
        }
        for (Participant participant : participants.all()) {
            if (!participant.hasClient()) {
                continue;
            }
            int played = 0;
            for (RemoteStream stream : participant.client().remoteStreamHistory()) {
                if (stream.playback().isPresent()) {
                    played++;
                    String path = stream.getUserId() + " to " + participant.userId() + (played > 1 ? " (#" + played + ")" : "");
                    long published = participants.all().stream()
                            .filter(p -> p.userId().equals(stream.getUserId()) && p.hasClient())
                            .mapToLong(p -> p.client().publishStartedMicros()).findFirst().orElse(-1);
                    attachMedia(result, path, stream.playback().get(), stream.subscribeStartedMicros(), published);
                }
            }
            attachNetworkQuality(result, participant);
            var samples = participant.client().statsSamples();
            if (!samples.isEmpty()) {
                try {
                    result.attach(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(samples), "application/json",
                            "WebRTC stats of " + participant.userId() + " (sampled each second)");
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    text(result, "WebRTC stats of " + participant.userId(), "could not be written: " + e.getMessage());
                }
            }
        }
        if (!scenario.hasStack()) {
            return;
        }
        scenario.stack().describeRooms().ifPresent(view -> text(result, "rooms as the stack sees them", view));
        if (result.isFailed()) {
            for (long room : rooms) {
                var lines = scenario.stack().logLines(room);
                if (!lines.isEmpty()) {
                    text(result, "stack log of room " + room, String.join("\n", lines));
                }
            }
        }
    }

    /** The participant's network-quality events as a plot, when it got any. */
    private static void attachNetworkQuality(Scenario result, Participant participant) {
        List<double[]> uplink = new java.util.ArrayList<>();
        List<double[]> downlink = new java.util.ArrayList<>();
        long origin = participant.journal().originNanos();
        for (var entry : participant.journal().entries()) {
            if (entry.event() == io.trtcsim.trtc.ClientEvent.NETWORK_QUALITY) {
                var quality = (io.trtcsim.sdk.NetworkQuality) entry.payload();
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

    private static void attachMedia(Scenario result, String path, io.trtcsim.sdk.Playback playback, long subscribed,
                                    long published) {
        String firstFrame = playback.video().map(v -> {
            var analyzer = new io.trtcsim.media.metrics.VideoAnalyzer();
            return "first frame " + since(analyzer.firstFrameDelayMillis(v.frames(), subscribed), subscribed, "subscribe")
                    + ", " + since(analyzer.firstFrameDelayMillis(v.frames(), published), published, "publish") + "\n";
        }).orElse("");
        text(result, "media from " + path, firstFrame
                + playback.video().map(v -> "video: " + MediaChecks.wholeVideo(v.frames()).describe()).orElse("no video")
                        + "\n" + playback.audio().map(a -> "audio: " + MediaChecks.wholeAudio(a.chunks()).describe())
                        .orElse("no audio"));
        playback.video().ifPresent(video -> {
            var frames = video.frames();
            png(result, "frame rate from " + path, Charts.frameRate("frame rate, " + path, frames));
            png(result, "latency from " + path, Charts.latency("capture-to-render latency, " + path, frames));
            png(result, "latency distribution from " + path, Charts.latencyDistribution("latency distribution, " + path, frames));
            video.firstImage().ifPresent(image -> png(result, "first frame from " + path, FramePictures.png(image)));
            video.lastImage().ifPresent(image -> png(result, "last frame from " + path, FramePictures.png(image)));
        });
        playback.audio().ifPresent(audio -> png(result, "audio level from " + path,
                Charts.audioLevel("audio level, " + path, audio.chunks())));
    }

    private static String since(java.util.OptionalDouble delay, long reference, String what) {
        if (reference < 0 || delay.isEmpty()) {
            return "(no " + what + " to measure from)";
        }
        return String.format(java.util.Locale.ROOT, "%.0f ms after %s", delay.getAsDouble(), what);
    }

    private static void png(Scenario result, String name, byte[] image) {
        result.attach(image, "image/png", name);
    }

    static void text(Scenario result, String name, String body) {
        result.attach(body.getBytes(StandardCharsets.UTF_8), "text/plain", name);
    }
}
