package io.trtcsim.sdk;

import io.trtcsim.trtc.MediaKind;

/**
 * A local stream's audio or video track as getAudioTrack() / getVideoTrack() give it: what
 * another stream's replaceTrack takes.
 */
public record LocalTrack(MediaKind kind, LocalStream stream) {
}
