package io.trtcsim.steps;

import io.trtcsim.harness.Participant;
import io.trtcsim.trtc.MediaKind;

/** "mutes video", "unmutes audio", ... */
record MuteAction(MediaKind kind, boolean mute) {

    void applyTo(Participant participant) {
        if (mute) {
            participant.mute(kind);
        } else {
            participant.unmute(kind);
        }
    }
}
