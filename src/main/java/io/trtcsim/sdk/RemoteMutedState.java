package io.trtcsim.sdk;

/** One entry of Client.getRemoteMutedState(), as TRTC documents it; hasSmall: the user sends a small stream too. */
public record RemoteMutedState(String userId, boolean hasAudio, boolean hasVideo, boolean audioMuted, boolean videoMuted,
                               boolean hasSmall) {

    RemoteMutedState withAudioMuted(boolean muted) {
        return new RemoteMutedState(userId, hasAudio, hasVideo, muted, videoMuted, hasSmall);
    }

    RemoteMutedState withVideoMuted(boolean muted) {
        return new RemoteMutedState(userId, hasAudio, hasVideo, audioMuted, muted, hasSmall);
    }
}
