package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AudioRenderSinkTest {

    @Test
    void silenceIsCountedButNotAudible() {
        AudioRenderSink sink = new AudioRenderSink(MediaClock.system());
        sink.onData(new byte[960], 16, 48_000, 1, 480);
        assertThat(sink.samplesReceived()).isEqualTo(480);
        assertThat(sink.audibleSamples()).isZero();
    }

    @Test
    void aToneIsAudible() {
        AudioRenderSink sink = new AudioRenderSink(MediaClock.system());
        AudioTone tone = new AudioTone();
        for (int i = 0; i < 10; i++) {
            sink.onData(tone.nextChunk(), 16, 48_000, 1, 480);
        }
        assertThat(sink.audibleSamples()).isEqualTo(4800);
        assertThat(sink.lastLevel()).isBetween(0.2, 0.22);
        assertThat(sink.firstArrivalMicros()).isPositive();
    }
}
