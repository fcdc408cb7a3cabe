package io.trtcsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartsTest {

    private static long pixelsOf(BufferedImage image, int rgb) {
        long count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void networkQualityDrawsTheUplinkAndTheDownlinkInTheirOwnColours() throws Exception {
        List<double[]> uplink = List.of(new double[] {2, 1}, new double[] {4, 4}, new double[] {6, 1});
        List<double[]> downlink = List.of(new double[] {2, 1}, new double[] {4, 1}, new double[] {6, 5});
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Charts.networkQuality("q", uplink, downlink)));

        assertThat(image.getWidth()).isEqualTo(760);
        assertThat(pixelsOf(image, 0x1F77B4)).as("uplink blue").isGreaterThan(50);
        assertThat(pixelsOf(image, 0xFF7F0E)).as("downlink orange").isGreaterThan(50);
    }

    @Test
    void withoutEventsItSaysSo() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Charts.networkQuality("q", List.of(), List.of())));
        assertThat(pixelsOf(image, 0x1F77B4)).isZero();
        assertThat(pixelsOf(image, 0xFF7F0E)).isZero();
    }
}
