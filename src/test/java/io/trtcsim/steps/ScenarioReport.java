package io.trtcsim.steps;

import io.cucumber.java.Scenario;
import io.trtcsim.harness.MediaChecks;
import io.trtcsim.harness.Participant;
import io.trtcsim.sdk.RemoteStream;
import io.trtcsim.harness.ScenarioContext;
import java.nio.charset.StandardCharsets;
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

    static void attachTo(Scenario result, ScenarioContext scenario) {
        Set<Long> rooms = new TreeSet<>();
        for (Participant participant : scenario.participants()) {
            rooms.addAll(participant.roomsTried());
            if (participant.hasClient()) {
                text(result, "events of " + participant.userId(), participant.journal().describe());
            }
        }
        for (Participant participant : scenario.participants()) {
            if (!participant.hasClient()) {
                continue;
            }
            for (RemoteStream stream : participant.client().remoteStreams()) {
                stream.playback().ifPresent(playback -> text(result,
                        "media from " + stream.getUserId() + " to " + participant.userId(),
                        playback.video().map(v -> "video: " + MediaChecks.wholeVideo(v.frames()).describe()).orElse("no video")
                                + "\n" + playback.audio().map(a -> "audio: " + MediaChecks.wholeAudio(a.chunks()).describe())
                                .orElse("no audio")));
            }
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

    static void text(Scenario result, String name, String body) {
        result.attach(body.getBytes(StandardCharsets.UTF_8), "text/plain", name);
    }
}
