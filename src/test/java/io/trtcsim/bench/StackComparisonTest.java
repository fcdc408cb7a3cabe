package io.trtcsim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackComparisonTest {

    private static CallFigures withFirstFrame(double millis) {
        return new CallFigures(10, 150, 180, millis, 15.0, 0, 28.0, 30.0, 41.0, 160.0, 190.0, 0);
    }

    @Test
    void medianOfAnOddNumberOfRoundsIsTheMiddleOne() {
        assertThat(StackComparison.median(List.of(withFirstFrame(300), withFirstFrame(100), withFirstFrame(200)),
                CallFigures::firstFrameMillis)).isEqualTo(200.0);
    }

    @Test
    void medianOfAnEvenNumberOfRoundsIsTheMeanOfTheMiddleTwo() {
        assertThat(StackComparison.median(List.of(withFirstFrame(100), withFirstFrame(400), withFirstFrame(200),
                withFirstFrame(300)), CallFigures::firstFrameMillis)).isEqualTo(250.0);
    }

    @Test
    void roundsWithoutAFigureAreLeftOutOfItsMedian() {
        assertThat(StackComparison.median(List.of(withFirstFrame(Double.NaN), withFirstFrame(120)),
                CallFigures::firstFrameMillis)).isEqualTo(120.0);
        assertThat(StackComparison.median(List.of(withFirstFrame(Double.NaN)), CallFigures::firstFrameMillis)).isNaN();
    }

    @Test
    void tablePutsStacksSideBySideAndNamesTheOnesThatCouldNotRun() {
        CallOptions options = CallOptions.parse(new String[] {"--rounds", "2", "--seconds", "5"});
        Map<String, List<CallFigures>> byStack = new LinkedHashMap<>();
        byStack.put("embedded", List.of(withFirstFrame(240), withFirstFrame(260)));
        byStack.put("janus", List.of(withFirstFrame(90)));
        String table = StackComparison.markdown(options, byStack, Map.of("janus-container", "no Docker daemon answers"));

        assertThat(table).contains("| figure | embedded | janus |")
                .contains("| first frame after subscribe (ms) | 250 | 90 |")
                .contains("| frames per second | 15.0 | 15.0 |")
                .contains("Medians of 2 rounds of 5 s each")
                .contains("- janus-container: could not run here (no Docker daemon answers)");
    }

    @Test
    void badOptionsAreNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CallOptions.parse(new String[] {"--rounds", "0"}))
                .hasMessageContaining("--rounds").hasMessageContaining("'0' is not a positive whole number");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CallOptions.parse(new String[] {"--profile", "320x180"}))
                .hasMessageContaining("--profile").hasMessageContaining("'320x180'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CallOptions.parse(new String[] {"--uplink-loss", "101"}))
                .hasMessageContaining("--uplink-loss").hasMessageContaining("'101' is not a percentage from 0 to 100");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CallOptions.parse(new String[] {"--stacks", "embedded,,janus"}))
                .hasMessageContaining("--stacks");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CallOptions.parse(new String[] {"--frobnicate", "1"}))
                .hasMessageContaining("--frobnicate");
    }
}
