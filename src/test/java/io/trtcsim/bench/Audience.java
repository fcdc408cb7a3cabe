package io.trtcsim.bench;

import io.trtcsim.harness.EngineUse;
import io.trtcsim.harness.Participant;
import io.trtcsim.harness.ParticipantKind;
import io.trtcsim.harness.Participants;

/**
 * The subscribers of a capacity step: what they measure and whose engine they run on. The baseline
 * is the participant every scenario had before kinds existed: FULL, with an engine of its own.
 */
record Audience(ParticipantKind kind, EngineUse engine) {

    static final Audience BASELINE = new Audience(ParticipantKind.FULL, EngineUse.OWN);

    Audience {
        if (kind == ParticipantKind.SIGNALING_ONLY) {
            throw new IllegalArgumentException("a capacity step measures media: SIGNALING_ONLY subscribers receive none");
        }
        if (kind == ParticipantKind.STATS_ONLY && engine == EngineUse.OWN) {
            throw new IllegalArgumentException("STATS_ONLY participants run on the shared engine only");
        }
    }

    /** The subscriber of that name, made as this audience's kind. */
    Participant participant(Participants participants, String name) {
        return engine == EngineUse.OWN ? participants.namedOrNew(name) : participants.namedOrNew(name, kind);
    }

    boolean measuresLatency() {
        return kind == ParticipantKind.FULL;
    }

    String label() {
        return kind + (engine == EngineUse.OWN ? ", own engines" : ", shared engine");
    }
}
