package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {

    private static final Path SAMPLE = Path.of("media-samples", MediaSampleGenerator.AUDIO_FILE);

    @TempDir
    Path folder;

    @Test
    void readsTheGeneratedChirp() {
        WavReader wav = WavReader.read(SAMPLE);

        assertThat(wav.sampleRate()).isEqualTo(48_000);
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(wav.frameCount()).isEqualTo(96_000);
        assertThat(wav.durationSeconds()).isEqualTo(2.0);
        short[] samples = wav.samples();
        assertThat(samples).isEqualTo(MediaSampleGenerator.chirp());
        // Starts at phase 0; the first step is 300 Hz at 48 kHz: 0.3 * 32767 * sin(2π * 300.003 / 48000).
        assertThat(samples[0]).isZero();
        assertThat(samples[1]).isEqualTo((short) 386);
        int peak = 0;
        for (short sample : samples) {
            peak = Math.max(peak, Math.abs(sample));
        }
        assertThat(peak).isBetween(9_820, 9_830);
    }

    @Test
    void theCommittedSampleIsWhatTheGeneratorMakes() throws IOException {
        Path fresh = MediaSampleGenerator.writeSamples(folder).get(1);

        assertThat(Files.readAllBytes(SAMPLE)).isEqualTo(Files.readAllBytes(fresh));
        assertThat(Files.size(SAMPLE)).isEqualTo(44 + 96_000 * 2);
    }

    @Test
    void theChirpAt48kMonoIsPushedUnchanged() {
        assertThat(WavReader.read(SAMPLE).mono48k()).isEqualTo(MediaSampleGenerator.chirp());
    }

    @Test
    void stereoIsAveragedToMono() {
        Path file = folder.resolve("stereo.wav");
        WavWriter.write(file, 48_000, 2, new short[] {1000, 3000, -200, -100, 32767, 32767, -32768, -32768});

        WavReader wav = WavReader.read(file);

        assertThat(wav.channels()).isEqualTo(2);
        assertThat(wav.frameCount()).isEqualTo(4);
        assertThat(wav.samples()).containsExactly(1000, 3000, -200, -100, 32767, 32767, -32768, -32768);
        assertThat(wav.mono48k()).containsExactly(2000, -150, 32767, -32768);
    }

    @Test
    void resamples44100To48000KeepingTheDuration() {
        short[] oneSecond = new short[44_100];
        for (int i = 0; i < oneSecond.length; i++) {
            oneSecond[i] = (short) (i % 1000);
        }
        Path file = folder.resolve("cd.wav");
        WavWriter.write(file, 44_100, 1, oneSecond);

        short[] converted = WavReader.read(file).mono48k();

        assertThat(converted).hasSize(48_000);
        assertThat(converted[0]).isEqualTo((short) 0);
        // Output sample 160 sits exactly on input sample 147 (160 * 44100 / 48000).
        assertThat(converted[160]).isEqualTo((short) 147);
        // Output sample 1 sits at 0.91875 of the way from input 0 to input 1.
        assertThat(converted[1]).isEqualTo((short) 1);
    }

    @Test
    void stereoAt22050BecomesTwiceAsManyMonoSamplesPlusABit() {
        short[] stereo = new short[22_050 * 2];
        Arrays.fill(stereo, (short) 1234);
        Path file = folder.resolve("low.wav");
        WavWriter.write(file, 22_050, 2, stereo);

        short[] converted = WavReader.read(file).mono48k();

        assertThat(converted).hasSize(48_000);
        for (short sample : converted) {
            assertThat(sample).isEqualTo((short) 1234);
        }
    }

    @Test
    void linearResamplingInterpolatesBetweenSamples() {
        short[] up = WavReader.resample(new short[] {0, 100, 200}, 24_000, 48_000);

        assertThat(up).containsExactly(0, 50, 100, 150, 200, 200);
    }

    @Test
    void skipsUnknownChunksAndReadsExtensiblePcm() throws IOException {
        ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0xFFFE).putShort((short) 1).putInt(16_000).putInt(32_000)
                .putShort((short) 2).putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(4)
                .putShort((short) 1).put(new byte[14]);
        ByteBuffer data = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 7).putShort((short) -7);
        Path file = riff(chunk("LIST", new byte[5]), chunk("fmt ", fmt.array()), chunk("data", data.array()));

        WavReader wav = WavReader.read(file);

        assertThat(wav.sampleRate()).isEqualTo(16_000);
        assertThat(wav.samples()).containsExactly(7, -7);
    }

    @Test
    void refusesAFileThatIsNotWav() throws IOException {
        Path file = Files.writeString(folder.resolve("notes.wav"), "YUV4MPEG2 W8 H4 F30:1\n");

        assertThatThrownBy(() -> WavReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a RIFF/WAVE file");
    }

    @Test
    void refusesFloatSamples() throws IOException {
        Path file = riff(chunk("fmt ", fmt(3, 1, 48_000, 32)), chunk("data", new byte[8]));

        assertThatThrownBy(() -> WavReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("IEEE float (format 3)")
                .hasMessageContaining("only 16-bit integer PCM");
    }

    @Test
    void refusesOtherSampleSizes() throws IOException {
        Path eightBit = riff(chunk("fmt ", fmt(1, 1, 8_000, 8)), chunk("data", new byte[8]));
        Path twentyFour = riff(chunk("fmt ", fmt(1, 1, 48_000, 24)), chunk("data", new byte[6]));

        assertThatThrownBy(() -> WavReader.read(eightBit)).hasMessageContaining("8-bit samples");
        assertThatThrownBy(() -> WavReader.read(twentyFour)).hasMessageContaining("24-bit samples");
    }

    @Test
    void refusesMoreThanTwoChannels() throws IOException {
        Path file = riff(chunk("fmt ", fmt(1, 6, 48_000, 16)), chunk("data", new byte[12]));

        assertThatThrownBy(() -> WavReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 channels; only mono or stereo");
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        Path whole = folder.resolve("whole.wav");
        WavWriter.write(whole, 48_000, 1, new short[480]);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(folder.resolve("cut.wav"), Arrays.copyOf(bytes, bytes.length - 100));

        assertThatThrownBy(() -> WavReader.read(cut))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(cut.toString())
                .hasMessageContaining("truncated: its 'data' chunk declares 960 bytes but only 860 follow");
    }

    @Test
    void refusesAFileWithoutData() throws IOException {
        Path file = riff(chunk("fmt ", fmt(1, 1, 48_000, 16)));

        assertThatThrownBy(() -> WavReader.read(file)).hasMessageContaining("has no 'data' chunk");
    }

    @Test
    void refusesHalfASampleFrame() throws IOException {
        Path file = riff(chunk("fmt ", fmt(1, 2, 48_000, 16)), chunk("data", new byte[6]));

        assertThatThrownBy(() -> WavReader.read(file))
                .hasMessageContaining("not a whole number of 4-byte sample frames");
    }

    private static byte[] fmt(int format, int channels, int rate, int bits) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits)
                .array();
    }

    private static byte[] chunk(String id, byte[] body) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return chunk.array();
    }

    private Path riff(byte[]... chunks) throws IOException {
        int size = 4 + Arrays.stream(chunks).mapToInt(c -> c.length).sum();
        ByteBuffer file = ByteBuffer.allocate(8 + size).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(size).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) {
            file.put(chunk);
        }
        return Files.write(Files.createTempFile(folder, "sound", ".wav"), file.array());
    }
}
