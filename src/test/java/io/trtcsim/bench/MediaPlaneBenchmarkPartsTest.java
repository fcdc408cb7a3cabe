package io.trtcsim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.media.VideoProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaPlaneBenchmarkPartsTest {

    private static FanOutFigures step(double minFps, double worstP95) {
        return new FanOutFigures("embedded", 40, minFps, 15, worstP95, 30, 1.5, 0.1, 0, 2000, 600, 200, 400, 30);
    }

    @Test
    void optionsHaveTheDocumentedDefaultsAndReadEveryOption() {
        MediaPlaneOptions defaults = MediaPlaneOptions.parse(new String[0]);
        assertThat(defaults.profiles).containsExactly(new VideoProfile(320, 180, 15), new VideoProfile(640, 360, 30));
        assertThat(defaults.seconds).isEqualTo(10);
        assertThat(defaults.steps).containsExactly(10, 20, 30, 40, 50);
        assertThat(defaults.fanoutSeconds).isEqualTo(8);
        assertThat(defaults.warmupSeconds).isEqualTo(3);
        assertThat(MediaPlaneOptions.parse(new String[] {"--warmup-seconds", "0"}).warmupSeconds).isZero();
        assertThat(defaults.fanoutStacks).containsExactly("embedded");
        assertThat(defaults.runs("latency") && defaults.runs("fanout")).isTrue();
        assertThat(defaults.fanoutMedia.videoOnly()).isFalse();

        MediaPlaneOptions chosen = MediaPlaneOptions.parse(new String[] {"--profiles", "320x180@15", "--seconds", "4",
                "--steps", "5", "--fanout-seconds", "4", "--fanout-stacks", "embedded,janus", "--sections", "fanout"});
        assertThat(chosen.profiles).containsExactly(new VideoProfile(320, 180, 15));
        assertThat(chosen.steps).containsExactly(5);
        assertThat(chosen.fanoutStacks).containsExactly("embedded", "janus");
        assertThat(chosen.runs("latency")).isFalse();
        assertThat(chosen.seconds).isEqualTo(4);
        assertThat(MediaPlaneOptions.parse(new String[] {"--fanout-media", "video"}).fanoutMedia.videoOnly()).isTrue();
        assertThat(MediaPlaneOptions.parse(new String[] {"--help"}).help).isTrue();
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> MediaPlaneOptions.parse(new String[] {"--steps", "20,10"}))
                .hasMessageContaining("--steps [20, 10] must be growing");
        assertThatThrownBy(() -> MediaPlaneOptions.parse(new String[] {"--profiles", "320x180@x"}))
                .hasMessageContaining("'--profiles'").hasMessageContaining("'320x180@x' is not WIDTHxHEIGHT@FPS");
        assertThatThrownBy(() -> MediaPlaneOptions.parse(new String[] {"--fanout-stacks", "mcu"}))
                .hasMessageContaining("'mcu' is not one of");
        assertThatThrownBy(() -> MediaPlaneOptions.parse(new String[] {"--seconds"}))
                .hasMessageContaining("Missing required parameter for option '--seconds'");
        assertThatThrownBy(() -> MediaPlaneOptions.parse(new String[] {"--sections", ","}))
                .hasMessageContaining("--sections needs at least one of");
        assertThatThrownBy(() -> MediaPlaneOptions.parse(new String[] {"--fanout-media", "audio"}))
                .hasMessageContaining("'--fanout-media'").hasMessageContaining("neither audio+video nor video");
    }

    @Test
    void aStepMeetsTheCriteriaOnlyWithEverySubscriberFastEnoughAndALatencyAtAll() {
        assertThat(step(14.0, 150.0).meetsCriteria()).isTrue();
        assertThat(step(13.9, 40).meetsCriteria()).isFalse();
        assertThat(step(15, 150.1).meetsCriteria()).isFalse();
        assertThat(step(15, Double.NaN).meetsCriteria()).isFalse();
    }

    @Test
    void medianOfSubscribersPutsThoseWithoutAFigureLast() {
        assertThat(FanOut.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(FanOut.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(FanOut.median(new double[] {Double.NaN, 1, 2})).isEqualTo(2);
    }

    @Test
    void tablesAlignAsTextAndBecomeMarkdown() {
        TextTable table = new TextTable(1, "path", "video p50 ms");
        table.add("direct", "15.2");
        table.add("embedded", "n/a");
        assertThat(table.text()).isEqualTo("""
                path      video p50 ms
                direct            15.2
                embedded           n/a
                """);
        assertThat(table.markdown()).isEqualTo("""
                | path | video p50 ms |
                |---|---:|
                | direct | 15.2 |
                | embedded | n/a |
                """);
        assertThatThrownBy(() -> table.add("one cell")).hasMessageContaining("a row of 1 cells");
        assertThat(List.of(Format.millis(Double.NaN), Format.cores(0.126), Format.ratio(1.149)))
                .containsExactly("n/a", "0.13", "1.15");
    }
}
