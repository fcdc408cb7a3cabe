package io.trtcsim.harness;

import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import java.util.List;
import java.util.Optional;

/**
 * Ranges of participants joining a room together: each gets a client (with TRTC's documented
 * handlers that subscribe to and play every stream added, or with no media at all), then they join
 * at the configured rate ({@link JoinRamp}), and the call returns once all have joined.
 */
public final class Crowds {

    private final ScenarioContext scenario;
    private final Participants participants;
    private final Signatures signatures;

    public Crowds(ScenarioContext scenario, Participants participants, Signatures signatures) {
        this.scenario = scenario;
        this.participants = participants;
        this.signatures = signatures;
    }

    /**
     * Clients that subscribe to and play every stream added, joined at harness.join-rate.media:
     * receive-only members on the scenario's shared engine, {@link ParticipantKind#FULL} (rendering
     * into sinks) or {@link ParticipantKind#STATS_ONLY} (measured from getStats()).
     */
    public List<Participant> joinAndPlay(ParticipantRange range, ParticipantKind kind, RoomId roomId, Mode mode,
                                         Optional<Role> role) {
        if (kind == ParticipantKind.SIGNALING_ONLY) {
            throw new IllegalArgumentException("participants " + range + " cannot play streams as " + kind
                    + ": they take no media (join them without media)");
        }
        MemoryBudget.ofThisProcess().require(range.size(), 0, "participants " + range);
        List<Participant> members = created(range, kind, mode, role);
        members.forEach(Participant::subscribeToAndPlayEveryAddedStream);
        scenario.config().joinRamp(scenario.config().mediaJoinRate()).join(members, roomId);
        return members;
    }

    /**
     * Clients that only join and record their events: no handler subscribes, so no peer connection
     * and no media engine is ever made. Joined at harness.join-rate.signaling.
     */
    public List<Participant> joinWithoutMedia(ParticipantRange range, RoomId roomId, Mode mode, Optional<Role> role) {
        MemoryBudget.ofThisProcess().require(0, range.size(), "participants " + range);
        List<Participant> members = created(range, ParticipantKind.SIGNALING_ONLY, mode, role);
        scenario.config().joinRamp(scenario.config().signalingJoinRate()).join(members, roomId);
        return members;
    }

    /** The members of a range made earlier in the scenario. */
    public List<Participant> members(ParticipantRange range) {
        return participants.inRange(range);
    }

    private List<Participant> created(ParticipantRange range, ParticipantKind kind, Mode mode, Optional<Role> role) {
        if (role.isPresent() && mode != Mode.LIVE) {
            throw new IllegalArgumentException("participants " + range + " cannot join as " + role.get()
                    + " in \"" + mode + "\" mode: roles belong to \"live\" mode");
        }
        List<Participant> members = participants.newRange(range, kind);
        long sdkAppId = signatures.sdkAppId();
        for (Participant member : members) {
            member.createClient(mode, sdkAppId, signatures.userSigFor(member.userId()));
            role.ifPresent(member::joinAs);
        }
        return members;
    }
}
