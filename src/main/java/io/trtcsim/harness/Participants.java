package io.trtcsim.harness;

import io.trtcsim.media.MediaClock;
import io.trtcsim.media.SharedMediaEngine;
import io.trtcsim.sdk.Rendering;
import io.trtcsim.sdk.SdkOptions;
import io.trtcsim.sdk.TRTC;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The scenario's participants by name; each is released with the scenario, before its stack. */
public final class Participants {

    private final ScenarioContext scenario;
    private final Map<String, Participant> byName = new LinkedHashMap<>();
    /** The engine the receive-only participants share; made with the first of them. */
    private SharedMediaEngine receiveEngine;

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

    /**
     * The participant of that name, made on first mention as a FULL participant with its own TRTC
     * instance and libwebrtc engine (a browser tab): it publishes and receives.
     */
    public synchronized Participant namedOrNew(String name) {
        Participant existing = byName.get(name);
        if (existing != null) {
            return existing;
        }
        SignalingGate gate = gate();
        return add(new Participant(name, ParticipantKind.FULL, EngineUse.OWN, new TRTC(name, gate, sdkOptions()), gate,
                scenario.config().callTimeout()));
    }

    /**
     * A receive-only participant of that kind, made on first mention: a member of an audience, whose
     * peer connections run on the scenario's one shared receive engine rather than an engine of its
     * own (see {@link EngineUse#SHARED}); it cannot publish. A FULL one renders every frame into
     * sinks as any participant does; a STATS_ONLY one attaches none. The shared engine is closed at
     * the scenario's end, after every participant on it.
     *
     * @throws IllegalArgumentException if the name is taken by a participant of another kind or engine
     */
    public synchronized Participant namedOrNew(String name, ParticipantKind kind) {
        Participant existing = byName.get(name);
        if (existing != null) {
            if (existing.kind() != kind || existing.engineUse() != EngineUse.SHARED) {
                throw new IllegalArgumentException("'" + name + "' already takes part as a " + existing.kind()
                        + " participant on " + (existing.engineUse() == EngineUse.OWN ? "its own engine" : "the shared engine")
                        + ", not as a receive-only " + kind + " one");
            }
            return existing;
        }
        Rendering rendering = switch (kind) {
            case FULL -> Rendering.FRAMES;
            case STATS_ONLY -> Rendering.NONE;
            case SIGNALING_ONLY -> throw new UnsupportedOperationException(
                    "SIGNALING_ONLY participants are not implemented on this branch (issue 13 implements them apart)");
        };
        SignalingGate gate = gate();
        TRTC trtc = TRTC.onSharedEngine(name, gate, sdkOptions(), receiveEngine(), rendering);
        return add(new Participant(name, kind, EngineUse.SHARED, trtc, gate, scenario.config().callTimeout()));
    }

    /**
     * Made with the first participant that needs it, so it is closed after every participant on it
     * (the scenario closes what it owns in reverse order). Its libwebrtc engine is made on first use.
     */
    private SharedMediaEngine receiveEngine() {
        if (receiveEngine == null) {
            receiveEngine = new SharedMediaEngine("shared-receive");
            scenario.closeAtEnd("the shared receive engine", receiveEngine);
        }
        return receiveEngine;
    }

    /** The shared receive engine, if a participant needed one. */
    public synchronized Optional<SharedMediaEngine> sharedReceiveEngine() {
        return Optional.ofNullable(receiveEngine);
    }

    private SdkOptions sdkOptions() {
        HarnessConfig config = scenario.config();
        return new SdkOptions(config.signalingTimeout(), config.mediaTimeout(), MediaClock.system(), scenario.originNanos());
    }

    /** Each participant reaches the stack through its own gate: its network can fail alone. */
    private SignalingGate gate() {
        return new SignalingGate(scenario.stack());
    }

    private Participant add(Participant created) {
        byName.put(created.userId(), created);
        scenario.closeAtEnd("participant " + created.userId(), created);
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
