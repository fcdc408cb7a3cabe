package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.media.metrics.VideoMetrics;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ParticipantRangeTest {

    @Test
    void namesEveryMemberInOrderKeepingLeadingZeros() {
        assertThat(ParticipantRange.between("viewer-1", "viewer-3").names()).containsExactly("viewer-1", "viewer-2", "viewer-3");
        ParticipantRange padded = ParticipantRange.between("sub-008", "sub-011");
        assertThat(padded.names()).containsExactly("sub-008", "sub-009", "sub-010", "sub-011");
        assertThat(padded.contains("sub-009")).isTrue();
        assertThat(padded.contains("sub-9")).isFalse();
        assertThat(padded.contains("sub-012")).isFalse();
        assertThat(padded.toString()).isEqualTo("\"sub-008\" to \"sub-011\"");
    }

    @Test
    void aStatedCountMustMatchTheRange() {
        assertThat(ParticipantRange.of(20, "viewer-1", "viewer-20").size()).isEqualTo(20);
        assertThatThrownBy(() -> ParticipantRange.of(20, "viewer-1", "viewer-19"))
                .hasMessageContaining("20 participants were asked, but \"viewer-1\" to \"viewer-19\" names 19");
        assertThatThrownBy(() -> ParticipantRange.of(0, "viewer-1", "viewer-1"))
                .hasMessageContaining("the count must be 1 or more");
    }

    @Test
    void badRangesAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> ParticipantRange.between("viewer-20", "viewer-1")).hasMessageContaining("is reversed");
        assertThatThrownBy(() -> ParticipantRange.between("viewer-1", "fan-20"))
                .hasMessageContaining("the names differ before their numbers ('viewer-' and 'fan-')");
        assertThatThrownBy(() -> ParticipantRange.between("viewer", "viewer-2")).hasMessageContaining("\"viewer\" cannot bound");
        assertThatThrownBy(() -> ParticipantRange.between("f-1", "f-200000")).hasMessageContaining("at most 100000");
    }

    @Test
    void overlappingRangesAreFound() {
        assertThat(ParticipantRange.between("fan-1", "fan-10").overlaps(ParticipantRange.between("fan-10", "fan-20"))).isTrue();
        assertThat(ParticipantRange.between("fan-1", "fan-10").overlaps(ParticipantRange.between("fan-11", "fan-20"))).isFalse();
    }

    @Test
    void figuresTabulateEveryMemberAndFindThoseShort() {
        ParticipantRange range = ParticipantRange.between("v-1", "v-2");
        RangeFigures figures = new RangeFigures("alice", range, 5, List.of(
                new RangeFigures.Row("v-1", Optional.of(metrics(15.0, 40)), OptionalDouble.of(320)),
                new RangeFigures.Row("v-2", Optional.empty(), OptionalDouble.empty())));
        assertThat(figures.table()).contains("v-1", "15.0", "40", "320 ms", "v-2").contains("fps      min 0.0");
        assertThat(figures.shortOf(row -> row.fps() < 14)).extracting(RangeFigures.Row::participant).containsExactly("v-2");
        assertThatThrownBy(() -> RangeChecks.eachFrameRateAtLeast(figures, 14))
                .hasMessageContaining("1 of 2 participants \"v-1\" to \"v-2\" ran below 14.0 fps")
                .hasMessageContaining("v-2: 0.0 fps (0 frames)");
        assertThatThrownBy(() -> RangeChecks.eachLatencyP95AtMost(figures, 30))
                .hasMessageContaining("2 of 2 participants").hasMessageContaining("v-1: 40.0 ms at p95")
                .hasMessageContaining("v-2: no latency measured");
    }

    private static VideoMetrics metrics(double fps, double p95) {
        return new VideoMetrics(0, 5_000_000, (int) (fps * 5), fps, 0, 0, 0, p95 / 2, p95, p95, p95, 0, 0, 0, 320, 180,
                List.of("320x180"), 100);
    }
}
