package io.trtcsim.harness;

import io.trtcsim.media.MediaClock;
import io.trtcsim.media.SharedMediaEngine;
import io.trtcsim.sdk.ClientRuntime;
import io.trtcsim.sdk.Rendering;
import io.trtcsim.sdk.SdkOptions;
import io.trtcsim.sdk.StandInDevices;
import io.trtcsim.sdk.TRTC;
import io.trtcsim.stack.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The scenario's participants by name; each is released with the scenario, before its stack. Their
 * clients share one {@link ClientRuntime} (the threads their events and timers run on), made with
 * the first participant and closed after the last one, before the stack.
 */
public final class Participants {

    private final ScenarioContext scenario;
    private final Map<String, Participant> byName = new LinkedHashMap<>();
    private StandInDevices standInDevices;
    private final List<ParticipantRange> ranges = new ArrayList<>();
    private ClientRuntime runtime;
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
                    + (byName.isEmpty() ? "" : " (known: " + describeNames() + ")")
                    + "; create one first, e.g. Given \"" + name + "\" has created a client in \"rtc\" mode");
        }
        return participant;
    }

    /**
     * The participant of that name, whatever its kind; made on first mention as a FULL participant
     * with its own libwebrtc engine (a browser tab): it publishes and receives.
     */
    public synchronized Participant namedOrNew(String name) {
        Participant existing = byName.get(name);
        return existing != null ? existing : create(name, ParticipantKind.FULL, EngineUse.OWN);
    }

    /**
     * The participant of that name, made of that kind on first mention as a member of an audience:
     * FULL and STATS_ONLY ones only receive, on the scenario's one shared receive engine
     * ({@link EngineUse#SHARED}); SIGNALING_ONLY ones never load libwebrtc (a few objects, no thread).
     * One that exists already must be of that kind and made so.
     */
    public synchronized Participant namedOrNew(String name, ParticipantKind kind) {
        if (kind == null) {
            throw new IllegalArgumentException("participant '" + name + "' needs a kind: one of "
                    + List.of(ParticipantKind.values()));
        }
        Participant existing = byName.get(name);
        if (existing == null) {
            return create(name, kind);
        }
        if (existing.kind() != kind || existing.engineUse() != audienceEngine(kind)) {
            throw new IllegalArgumentException("participant '" + name + "' exists already as " + existing.kind()
                    + " on " + existing.engineUse().describe() + "; it cannot be a receive-only " + kind
                    + " member of an audience as well");
        }
        return existing;
    }

    private static EngineUse audienceEngine(ParticipantKind kind) {
        return kind == ParticipantKind.SIGNALING_ONLY ? EngineUse.NONE : EngineUse.SHARED;
    }

    /**
     * The stand-in devices of the fixtures (devices.json; none without the file), read once per
     * scenario; their files are relative to the working folder, the project's root.
     */
    private synchronized StandInDevices standInDevices() {
        if (standInDevices == null) {
            Path file = scenario.config().fixtures().resolve("devices.json");
            standInDevices = Files.isRegularFile(file) ? StandInDevices.load(file, Path.of("")) : StandInDevices.NONE;
        }
        return standInDevices;
    }

    private Participant create(String name, ParticipantKind kind) {
        return create(name, kind, audienceEngine(kind));
    }

    private Participant create(String name, ParticipantKind kind, EngineUse engineUse) {
        HarnessConfig config = scenario.config();
        SdkOptions options = new SdkOptions(config.signalingTimeout(), config.mediaTimeout(), MediaClock.system(),
                scenario.originNanos()).withStandInDevices(standInDevices());
        // The stack first: the scenario closes what it made in reverse, so the runtime ends before it.
        Stack stack = scenario.stack();
        ClientRuntime shared = runtime();
        // Each participant reaches the stack through its own gate: its network can fail alone.
        SignalingGate gate = new SignalingGate(stack);
        TRTC tab = switch (engineUse) {
            case NONE -> TRTC.withoutMedia(name, gate, options, shared);
            case OWN -> new TRTC(name, gate, options, shared, scenario.engines());
            case SHARED -> TRTC.onSharedEngine(name, gate, options, shared, receiveEngine(),
                    kind == ParticipantKind.STATS_ONLY ? Rendering.NONE : Rendering.FRAMES);
        };
        Participant created = new Participant(name, kind, engineUse, tab, gate, config.callTimeout());
        byName.put(name, created);
        scenario.closeAtEnd("participant " + name, created);
        return created;
    }

    /**
     * A new participant for every name of the range, none of which may exist yet: a range that
     * clashes with participants already made (another range's included) is refused, naming them.
     */
    public synchronized List<Participant> newRange(ParticipantRange range, ParticipantKind kind) {
        List<String> taken = range.names().stream().filter(byName::containsKey).toList();
        if (!taken.isEmpty()) {
            throw new IllegalArgumentException("the participants " + range + " clash with " + taken.size()
                    + " already in this scenario: " + String.join(", ", taken.subList(0, Math.min(5, taken.size())))
                    + (taken.size() > 5 ? " and " + (taken.size() - 5) + " more" : "")
                    + "; name the range apart, e.g. with another prefix");
        }
        List<Participant> created = range.names().stream().map(name -> create(name, kind)).toList();
        ranges.add(range);
        return created;
    }

    /** Every participant of a range made with {@link #newRange}; an unknown range is refused. */
    public synchronized List<Participant> inRange(ParticipantRange range) {
        List<Participant> members = new ArrayList<>(range.size());
        List<String> missing = new ArrayList<>();
        for (String name : range.names()) {
            Participant participant = byName.get(name);
            if (participant == null) {
                missing.add(name);
            } else {
                members.add(participant);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no participants " + range + " in this scenario: " + missing.size()
                    + " of them were never made (first: " + missing.get(0) + "); make them first, e.g. Given "
                    + range.size() + " participants " + range + " join room 8888 and play every stream");
        }
        return members;
    }

    /** The ranges made so far, in order: reports summarise each as one table. */
    public synchronized List<ParticipantRange> ranges() {
        return List.copyOf(ranges);
    }

    /** The range a participant was made in, if any. */
    public synchronized Optional<ParticipantRange> rangeOf(String name) {
        return ranges.stream().filter(range -> range.contains(name)).findFirst();
    }

    private ClientRuntime runtime() {
        if (runtime == null) {
            runtime = ClientRuntime.create();
            scenario.closeAtEnd("the participants' client runtime", runtime);
        }
        return runtime;
    }

    /**
     * Made with the first participant that needs it, so it is closed after every participant on it
     * (the scenario closes what it owns in reverse order). Its libwebrtc engine is made on first use.
     */
    private SharedMediaEngine receiveEngine() {
        if (receiveEngine == null) {
            receiveEngine = new SharedMediaEngine("shared-receive", scenario.engines());
            scenario.closeAtEnd("the shared receive engine", receiveEngine);
        }
        return receiveEngine;
    }

    /** The shared receive engine, if a participant needed one. */
    public synchronized Optional<SharedMediaEngine> sharedReceiveEngine() {
        return Optional.ofNullable(receiveEngine);
    }

    /** The names, shortened when there are many (thousands of an audience). */
    private String describeNames() {
        List<String> names = List.copyOf(byName.keySet());
        return names.size() <= 20 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 20)) + " and " + (names.size() - 20) + " more";
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
