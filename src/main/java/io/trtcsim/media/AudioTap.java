package io.trtcsim.media;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;

/** The audio counterpart of {@link VideoTap}: attached once, routed by play() and stop(). */
public final class AudioTap implements AudioTrackSink {

    private volatile AudioTrackSink target;

    public void route(AudioTrackSink newTarget) {
        target = newTarget;
    }

    @Override
    public void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        AudioTrackSink current = target;
        if (current != null) {
            current.onData(data, bitsPerSample, sampleRate, channels, frames);
        }
    }
}
