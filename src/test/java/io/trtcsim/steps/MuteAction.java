package io.trtcsim.steps;

/** "mutes video", "unmutes audio", ... */
record MuteAction(boolean audio, boolean mute) {
}
