package io.trtcsim.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.trtcsim.harness.EngineUse;
import io.trtcsim.harness.ParticipantKind;
import io.trtcsim.trtc.MediaKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapacityBenchmarkPartsTest {

    private static final Audience FULL_SHARED = new Audience(ParticipantKind.FULL, EngineUse.SHARED);
    private static final Audience STATS_ONLY = new Audience(ParticipantKind.STATS_ONLY, EngineUse.SHARED);

    private static CapacityFigures step(Audience audience, double minFps, double worstP95) {
        return new CapacityFigures(audience, 60, minFps, 15, worstP95, 30, 0, 0, Double.NaN, 1.0, 0.1, 0.1, 0,
                800, 500, 100, 700, 100, 20);
    }

    @Test
    void optionsNeedAKindAndReadEveryOption() {
        CapacityOptions full = CapacityOptions.parse(new String[] {"--kind", "full"});
        assertThat(full.audience).isEqualTo(FULL_SHARED);
        assertThat(full.steps).containsExactly(20, 40, 60);
        assertThat(full.seconds).isEqualTo(10);
        assertThat(full.baseline).isEqualTo(20);
        assertThat(full.media.kinds()).containsExactlyInAnyOrder(MediaKind.AUDIO, MediaKind.VIDEO);
        assertThat(full.warmup).isEqualTo(5);
        assertThat(full.markdown).isEmpty();

        CapacityOptions chosen = CapacityOptions.parse(new String[] {"--kind", "stats-only", "--steps", "60,120",
                "--media", "video", "--baseline", "0", "--warmup", "0", "--joins-per-second", "8", "--seconds", "5"});
        assertThat(chosen.audience).isEqualTo(STATS_ONLY);
        assertThat(chosen.steps).containsExactly(60, 120);
        assertThat(chosen.media.kinds()).isEqualTo(Set.of(MediaKind.VIDEO));
        assertThat(chosen.baseline).isZero();
        assertThat(chosen.warmup).isZero();
        assertThat(chosen.joinsPerSecond).isEqualTo(8);

        assertThatThrownBy(() -> CapacityOptions.parse(new String[0])).hasMessageContaining("--kind is required");
        assertThatThrownBy(() -> CapacityOptions.parse(new String[] {"--kind", "signaling-only"}))
                .hasMessageContaining("neither full nor stats-only");
        assertThatThrownBy(() -> CapacityOptions.parse(new String[] {"--kind", "full", "--steps", "60,20"}))
                .hasMessageContaining("must be growing");
        assertThat(CapacityOptions.parse(new String[] {"--help"}).help).as("--help needs no --kind").isTrue();
    }

    @Test
    void theCommandLineAnswersHelpRefusesABadOptionByNameAndOtherwiseRuns() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BenchmarkCommandLine.Benchmark<CapacityOptions> ran = options -> 7;

        assertThat(exitStatus(new String[] {"--help"}, ran, out, err)).isZero();
        assertThat(out.toString(UTF_8)).contains("Usage: CapacityBenchmark").contains("--joins-per-second=N")
                .contains("(default 20,40,60)");
        assertThat(err.size()).isZero();

        out.reset();
        assertThat(exitStatus(new String[] {"--kind", "full", "--seconds", "x"}, ran, out, err))
                .isEqualTo(BenchmarkCommandLine.WRONG_COMMAND_LINE);
        assertThat(err.toString(UTF_8)).contains("'--seconds'").contains("'x' is not a positive whole number")
                .contains("Usage: CapacityBenchmark");
        assertThat(out.size()).isZero();

        assertThat(exitStatus(new String[] {"--kind", "full"}, ran, out, err)).as("the benchmark's own status")
                .isEqualTo(7);
    }

    private static int exitStatus(String[] args, BenchmarkCommandLine.Benchmark<CapacityOptions> benchmark,
            ByteArrayOutputStream out, ByteArrayOutputStream err) throws Exception {
        return BenchmarkCommandLine.exitStatus(new CapacityOptions(), args, benchmark,
                new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }

    @Test
    void audiencesAreMediaReceiversAndStatsOnlyOnesShareTheEngine() {
        assertThatThrownBy(() -> new Audience(ParticipantKind.SIGNALING_ONLY, EngineUse.SHARED))
                .hasMessageContaining("receive none");
        assertThatThrownBy(() -> new Audience(ParticipantKind.STATS_ONLY, EngineUse.OWN))
                .hasMessageContaining("shared engine only");
        assertThat(Audience.BASELINE.label()).isEqualTo("FULL, own engines");
        assertThat(STATS_ONLY.label()).isEqualTo("STATS_ONLY, shared engine");
    }

    @Test
    void fullStepsNeedLatencyWithinTheLimitStatsOnlyStepsOnlyTheFrameRate() {
        assertThat(step(FULL_SHARED, 14.2, 149).meetsCriteria()).isTrue();
        assertThat(step(FULL_SHARED, 14.2, 151).meetsCriteria()).isFalse();
        assertThat(step(FULL_SHARED, 14.2, Double.NaN).meetsCriteria()).as("a FULL subscriber without latency").isFalse();
        assertThat(step(FULL_SHARED, 13.9, 20).meetsCriteria()).isFalse();
        assertThat(step(STATS_ONLY, 14.0, Double.NaN).meetsCriteria()).isTrue();
        assertThat(step(STATS_ONLY, 13.9, Double.NaN).meetsCriteria()).isFalse();
    }

    @Test
    void perSubscriberCostsAreBeyondTheAliceAloneWindow() {
        CapacityFigures figures = step(FULL_SHARED, 15, 30);
        assertThat(figures.coresPerSubscriber()).isCloseTo(0.9 / 60, within(1e-12));
        assertThat(figures.residentMegabytesPerSubscriber()).isCloseTo(5.0, within(1e-12));
        assertThat(figures.threadsPerSubscriber()).isCloseTo(10.0, within(1e-12));
        assertThat(figures.machineShare(2)).isCloseTo(0.5, within(1e-12));
    }
}
