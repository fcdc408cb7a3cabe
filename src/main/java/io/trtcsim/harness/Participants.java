package io.trtcsim.harness;

import io.trtcsim.media.MediaClock;
import io.trtcsim.sdk.SdkOptions;
import io.trtcsim.sdk.TRTC;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The scenario's participants by name; each is released with the scenario, before its stack. */
public final class Participants {

    private final ScenarioContext scenario;
    private final Map<String, Participant> byName = new LinkedHashMap<>();

    public Participants(ScenarioContext scenario) {
        this.scenario = scenario;
    }

    /** A participant that must already exist; the error names the ones that do. */
    public synchronized Participant named(String name) {
        Participant participant = byName.get(name);
        if (participant == null) {
            throw new IllegalArgumentException("no participant named '" + name + "' in this scenario"
                    + (byName.isEmpty() ? "" : " (known: " + String.join(", ", byName.keySet()) + ")")
                    + "; create one first, e.g. Given \"" + name + "\" has created a client in \"rtc\" mode");
        }
        return participant;
    }

    /** The participant of that name, made (with its own TRTC instance) on first mention. */
    public synchronized Participant namedOrNew(String name) {
        Participant existing = byName.get(name);
        if (existing != null) {
            return existing;
        }
        HarnessConfig config = scenario.config();
        SdkOptions options = new SdkOptions(config.signalingTimeout(), config.mediaTimeout(), MediaClock.system(),
                scenario.originNanos());
        // Each participant reaches the stack through its own gate: its network can fail alone.
        SignalingGate gate = new SignalingGate(scenario.stack());
        Participant created = new Participant(name, new TRTC(name, gate, options), gate, config.callTimeout());
        byName.put(name, created);
        scenario.closeAtEnd("participant " + name, created);
        return created;
    }

    public synchronized List<Participant> all() {
        return List.copyOf(byName.values());
    }

    /** Every participant's journal, for failure messages and reports. */
    public synchronized String describeJournals() {
        return byName.values().stream()
                .filter(Participant::hasClient)
                .map(p -> p.userId() + ":\n" + p.journal().describe())
                .collect(Collectors.joining("\n"));
    }
}
