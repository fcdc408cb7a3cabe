package io.trtcsim.steps;

/** Which tracks a created stream carries, as a feature says it. */
enum MediaChoice {
    AUDIO_AND_VIDEO(true, true), AUDIO_ONLY(true, false), VIDEO_ONLY(false, true);

    final boolean audio;
    final boolean video;

    MediaChoice(boolean audio, boolean video) {
        this.audio = audio;
        this.video = video;
    }
}
