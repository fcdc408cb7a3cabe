package io.trtcsim.steps;

import io.cucumber.java.Scenario;
import io.trtcsim.harness.Participant;
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
