package io.trtcsim.sdk;

import io.trtcsim.media.AudioRenderSink;
import io.trtcsim.media.VideoRenderSink;
import java.util.Optional;

/** What Stream.play(elementId) renders into: a video sink and an audio sink named after the element. */
public record Playback(String elementId, Optional<VideoRenderSink> video, Optional<AudioRenderSink> audio) {
}
