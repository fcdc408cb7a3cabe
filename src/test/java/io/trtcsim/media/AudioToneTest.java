package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AudioToneTest {

    @Test
    void cutsTenMillisecondChunksIntoNewArrays() {
        AudioTone tone = new AudioTone();
        byte[] first = tone.nextChunk();
        byte[] second = tone.nextChunk();

        assertThat(first).hasSize(960);
        assertThat(second).hasSize(AudioTone.BYTES_PER_CHUNK).isNotSameAs(first);
        assertThat(AudioTone.SAMPLES_PER_CHUNK).isEqualTo(480);
    }

    @Test
    void continuesThePhaseAcrossChunks() {
        AudioTone tone = new AudioTone(440, 0.3);
        int chunks = 50;
        short[] samples = new short[chunks * AudioTone.SAMPLES_PER_CHUNK];
        for (int c = 0; c < chunks; c++) {
            byte[] pcm = tone.nextChunk();
            for (int i = 0; i < AudioTone.SAMPLES_PER_CHUNK; i++) {
                samples[c * AudioTone.SAMPLES_PER_CHUNK + i] = sample(pcm, i);
            }
        }

        double scale = 0.3 * 32_767;
        for (int n = 0; n < samples.length; n++) {
            double ideal = scale * Math.sin(2 * Math.PI * 440 * n / 48_000);
            assertThat((double) samples[n]).as("sample %d", n).isCloseTo(ideal, within(1.5));
        }
        double maxStep = scale * 2 * Math.PI * 440 / 48_000 + 2;
        for (int c = 1; c < chunks; c++) {
            int boundary = c * AudioTone.SAMPLES_PER_CHUNK;
            assertThat(Math.abs(samples[boundary] - samples[boundary - 1]))
                    .as("step across the boundary before chunk %d", c)
                    .isLessThanOrEqualTo((int) maxStep);
        }
    }

    @Test
    void toneLevelIsItsAmplitudeOverRootTwo() {
        AudioTone tone = new AudioTone();
        byte[] second = new byte[100 * AudioTone.BYTES_PER_CHUNK]; // 440 whole periods
        for (int c = 0; c < 100; c++) {
            System.arraycopy(tone.nextChunk(), 0, second, c * AudioTone.BYTES_PER_CHUNK, AudioTone.BYTES_PER_CHUNK);
        }

        assertThat(AudioTone.rmsLevel(second, second.length / 2)).isCloseTo(0.3 / Math.sqrt(2), within(0.001));
        assertThat(AudioTone.rmsLevel(tone.nextChunk(), AudioTone.SAMPLES_PER_CHUNK))
                .isCloseTo(0.3 / Math.sqrt(2), within(0.01));
    }

    @Test
    void levelStaysWithinZeroAndOne() {
        byte[] silence = new byte[960];
        byte[] fullScaleNegative = new byte[960];
        for (int b = 0; b < fullScaleNegative.length; b += 2) {
            fullScaleNegative[b] = 0x00;
            fullScaleNegative[b + 1] = (byte) 0x80; // -32768
        }

        assertThat(AudioTone.rmsLevel(silence, 480)).isZero();
        assertThat(AudioTone.rmsLevel(fullScaleNegative, 480)).isEqualTo(1.0);
        assertThat(AudioTone.rmsLevel(silence, 0)).isZero();
    }

    @Test
    void refusesImpossibleSettings() {
        assertThatThrownBy(() -> new AudioTone(0, 0.3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AudioTone(30_000, 0.3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30000");
        assertThatThrownBy(() -> new AudioTone(440, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AudioTone.rmsLevel(new byte[10], 6)).isInstanceOf(IllegalArgumentException.class);
    }

    private static short sample(byte[] pcm, int index) {
        return (short) ((pcm[2 * index] & 0xFF) | (pcm[2 * index + 1] << 8));
    }
}
