package io.trtcsim.sdk;

/** One entry of Client.getRemoteMutedState(), as TRTC documents it. */
public record RemoteMutedState(String userId, boolean hasAudio, boolean hasVideo, boolean audioMuted, boolean videoMuted) {

    RemoteMutedState withAudioMuted(boolean muted) {
        return new RemoteMutedState(userId, hasAudio, hasVideo, muted, videoMuted);
    }

    RemoteMutedState withVideoMuted(boolean muted) {
        return new RemoteMutedState(userId, hasAudio, hasVideo, audioMuted, muted);
    }
}
