package io.trtcsim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Y4mReaderTest {

    private static final Path SAMPLE = Path.of("media-samples", MediaSampleGenerator.VIDEO_FILE);

    @TempDir
    Path folder;

    @Test
    void readsBackWhatTheGeneratorWrote() {
        List<byte[]> frames = MediaSampleGenerator.movingShapes();
        Path file = folder.resolve("shapes.y4m");
        Y4mWriter.write(file, 176, 144, 15, 1, frames);

        Y4mReader clip = Y4mReader.read(file);

        assertThat(clip.width()).isEqualTo(176);
        assertThat(clip.height()).isEqualTo(144);
        assertThat(clip.frameRate()).isEqualTo(15.0);
        assertThat(clip.frameIntervalMicros()).isEqualTo(66_667);
        assertThat(clip.frameCount()).isEqualTo(30);
        assertThat(clip.frameSize()).isEqualTo(176 * 144 * 3 / 2);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(clip.frame(i)).as("frame %d", i).isEqualTo(frames.get(i));
        }
    }

    @Test
    void theCommittedSampleIsWhatTheGeneratorMakes() throws IOException {
        Path fresh = MediaSampleGenerator.writeSamples(folder).get(0);

        assertThat(Files.readAllBytes(SAMPLE)).isEqualTo(Files.readAllBytes(fresh));
        assertThat(Files.size(SAMPLE)).isLessThan(2_000_000);
    }

    @Test
    void framesDifferSoThePictureMoves() {
        Y4mReader clip = Y4mReader.read(SAMPLE);

        assertThat(clip.frame(0)).isNotEqualTo(clip.frame(1));
        assertThat(clip.frame(0)).isNotEqualTo(clip.frame(15));
    }

    @Test
    void frameIsACopy() {
        Y4mReader clip = Y4mReader.read(SAMPLE);
        byte[] first = clip.frame(0);
        Arrays.fill(first, (byte) 0);

        assertThat(clip.frame(0)).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "YUV4MPEG2 W8 H4 F30:1 Ip A1:1 C420jpeg",
            "YUV4MPEG2 W8 H4 F30:1 C420",
            "YUV4MPEG2 W8 H4 F30:1 C420paldv",
            "YUV4MPEG2 W8 H4 F30:1 C420mpeg2",
            "YUV4MPEG2 W8 H4 F30:1",
            "YUV4MPEG2 F30:1 H4 W8 It A0:0 XYSCSS=420JPEG XCOLORRANGE=FULL",
            "YUV4MPEG2  W8  H4  F30:1 "
    })
    void acceptsHeaderVariants(String header) throws IOException {
        byte[] frame = pattern(8 * 4 * 3 / 2, 1);
        Path file = write(header, "FRAME", frame, "FRAME", frame);

        Y4mReader clip = Y4mReader.read(file);

        assertThat(clip.width()).isEqualTo(8);
        assertThat(clip.height()).isEqualTo(4);
        assertThat(clip.frameRate()).isEqualTo(30.0);
        assertThat(clip.frameCount()).isEqualTo(2);
        assertThat(clip.frame(1)).isEqualTo(frame);
    }

    @Test
    void readsAFractionalFrameRateAndFrameParameters() throws IOException {
        byte[] first = pattern(48, 1);
        byte[] second = pattern(48, 7);
        Path file = write("YUV4MPEG2 W8 H4 F30000:1001", "FRAME Ip XFOO=1", first, "FRAME", second);

        Y4mReader clip = Y4mReader.read(file);

        assertThat(clip.frameRate()).isCloseTo(29.97, org.assertj.core.data.Offset.offset(0.001));
        assertThat(clip.frameRateNumerator()).isEqualTo(30000);
        assertThat(clip.frameRateDenominator()).isEqualTo(1001);
        assertThat(clip.frameIntervalMicros()).isEqualTo(33_367);
        assertThat(clip.frame(0)).isEqualTo(first);
        assertThat(clip.frame(1)).isEqualTo(second);
    }

    @Test
    void copiesFramesHonouringStrides() {
        Y4mReader clip = Y4mReader.read(SAMPLE);
        int strideY = 192;
        int strideC = 100;
        ByteBuffer y = ByteBuffer.allocateDirect(strideY * 144);
        ByteBuffer u = ByteBuffer.allocateDirect(strideC * 72);
        ByteBuffer v = ByteBuffer.allocateDirect(strideC * 72);

        clip.copyFrame(3, y, strideY, u, strideC, v, strideC);

        byte[] frame = clip.frame(3);
        for (int row = 0; row < 144; row++) {
            assertThat(slice(y, row * strideY, 176)).isEqualTo(Arrays.copyOfRange(frame, row * 176, row * 176 + 176));
            assertThat(y.get(row * strideY + 176)).as("padding after row %d", row).isZero();
        }
        int uOffset = 176 * 144;
        int vOffset = uOffset + 88 * 72;
        for (int row = 0; row < 72; row++) {
            assertThat(slice(u, row * strideC, 88)).isEqualTo(
                    Arrays.copyOfRange(frame, uOffset + row * 88, uOffset + row * 88 + 88));
            assertThat(slice(v, row * strideC, 88)).isEqualTo(
                    Arrays.copyOfRange(frame, vOffset + row * 88, vOffset + row * 88 + 88));
        }
        assertThat(y.position()).isZero();
    }

    @Test
    void refusesATruncatedFrame() throws IOException {
        Path file = write("YUV4MPEG2 W8 H4 F30:1", "FRAME", pattern(48, 1), "FRAME", pattern(20, 1));

        assertThatThrownBy(() -> Y4mReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("frame 1 has 20 of its 48 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C422", "C444", "C420p10", "Cmono", "C444alpha"})
    void refusesOtherChroma(String tag) throws IOException {
        Path file = write("YUV4MPEG2 W8 H4 F30:1 " + tag, "FRAME", pattern(48, 1));

        assertThatThrownBy(() -> Y4mReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'" + tag + "'")
                .hasMessageContaining("only 8-bit 4:2:0");
    }

    @Test
    void refusesAFileThatIsNotY4m() throws IOException {
        Path file = folder.resolve("chirp.y4m");
        WavWriter.write(file, 48_000, 1, new short[100]);

        assertThatThrownBy(() -> Y4mReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a YUV4MPEG2 file");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path file = Files.write(folder.resolve("empty.y4m"), new byte[0]);

        assertThatThrownBy(() -> Y4mReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a YUV4MPEG2 file");
    }

    @Test
    void refusesAnOddSize() throws IOException {
        Path file = write("YUV4MPEG2 W175 H144 F30:1", "FRAME", pattern(175 * 144 * 3 / 2, 1));

        assertThatThrownBy(() -> Y4mReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("175x144")
                .hasMessageContaining("must be even");
    }

    @Test
    void refusesAHeaderWithoutSizeOrRate() throws IOException {
        Path noWidth = write("YUV4MPEG2 H4 F30:1", "FRAME", pattern(48, 1));
        Path noRate = write("YUV4MPEG2 W8 H4", "FRAME", pattern(48, 1));
        Path badRate = write("YUV4MPEG2 W8 H4 F0:0", "FRAME", pattern(48, 1));

        assertThatThrownBy(() -> Y4mReader.read(noWidth)).hasMessageContaining("no width (W)");
        assertThatThrownBy(() -> Y4mReader.read(noRate)).hasMessageContaining("no frame rate (F)");
        assertThatThrownBy(() -> Y4mReader.read(badRate)).hasMessageContaining("invalid frame rate numerator (F) '0'");
    }

    @Test
    void refusesAClipWithoutFrames() throws IOException {
        Path file = write("YUV4MPEG2 W8 H4 F30:1");

        assertThatThrownBy(() -> Y4mReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has a header but no frames");
    }

    @Test
    void refusesGarbageWhereAFrameShouldStart() throws IOException {
        Path file = write("YUV4MPEG2 W8 H4 F30:1", "FRAME", pattern(48, 1), "JUNK", pattern(48, 1));

        assertThatThrownBy(() -> Y4mReader.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no FRAME line where frame 1 should start");
    }

    @Test
    void refusesAMissingFileWithItsName() {
        Path missing = folder.resolve("missing.y4m");

        assertThatThrownBy(() -> Y4mReader.read(missing))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }

    /** Writes lines (Strings, each followed by '\n') and raw frames (byte[]) in order. */
    private Path write(Object... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String line) {
                out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write((byte[]) part);
            }
        }
        return Files.write(Files.createTempFile(folder, "clip", ".y4m"), out.toByteArray());
    }

    private static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * seed + 10);
        }
        return bytes;
    }

    private static byte[] slice(ByteBuffer buffer, int from, int length) {
        byte[] bytes = new byte[length];
        buffer.get(from, bytes);
        return bytes;
    }
}
