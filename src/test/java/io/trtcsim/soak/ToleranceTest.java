package io.trtcsim.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.soak.ProcessFigures.Figure;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToleranceTest {

    private static final ThreadNames NO_NAMES = ThreadNames.of(List.of());
    private static final ProcessFigures START = figures(100, 150, 400_000, 20, 40_000);

    private static ProcessFigures figures(long nativeThreads, long fds, long rssKb, long javaThreads, long heapKb) {
        return new ProcessFigures(nativeThreads, fds, rssKb, javaThreads, heapKb, NO_NAMES);
    }

    private static Tolerance soak(Figure figure) {
        return Tolerance.SOAK.stream().filter(tolerance -> tolerance.figure() == figure).findFirst().orElseThrow();
    }

    /** Figures like {@link #START} but with {@code figure} at {@code value}. */
    private static ProcessFigures startWith(Figure figure, long value) {
        return new ProcessFigures(figure == Figure.NATIVE_THREADS ? value : START.nativeThreads(),
                figure == Figure.OPEN_FILE_DESCRIPTORS ? value : START.openFileDescriptors(),
                figure == Figure.RESIDENT_KILOBYTES ? value : START.residentKilobytes(),
                figure == Figure.JAVA_THREADS ? value : START.javaThreads(),
                figure == Figure.HEAP_AFTER_GC_KILOBYTES ? value : START.heapAfterGcKilobytes(), NO_NAMES);
    }

    /** {@code lastFlat} is the highest end figure that still counts as flat from {@link #START}. */
    private static void assertBoundary(Figure figure, long lastFlat) {
        Tolerance tolerance = soak(figure);
        assertThat(tolerance.check(START, startWith(figure, lastFlat)).flat()).as("%s at %d", figure, lastFlat).isTrue();
        assertThat(tolerance.check(START, startWith(figure, lastFlat + 1)).flat()).as("%s at %d", figure, lastFlat + 1).isFalse();
    }

    @Test
    void threadsAndDescriptorsMayGrowByAFewAndNoMore() {
        assertBoundary(Figure.NATIVE_THREADS, 105);
        assertBoundary(Figure.JAVA_THREADS, 25);
        assertBoundary(Figure.OPEN_FILE_DESCRIPTORS, 160);
    }

    @Test
    void aKnownGrowthIsAllowedOnTopAndNamedInTheLine() {
        Tolerance threads = soak(Figure.NATIVE_THREADS);
        String why = "for the 4 engine(s) that recorded a machine microphone";
        assertThat(threads.check(START, startWith(Figure.NATIVE_THREADS, 113), 8, why).flat()).isTrue();
        Tolerance.Check grew = threads.check(START, startWith(Figure.NATIVE_THREADS, 114), 8, why);
        assertThat(grew.flat()).isFalse();
        assertThat(grew.line()).contains("tolerance +5 and +8 " + why).endsWith("GREW");
    }

    @Test
    void aFallingFigureIsFlat() {
        ProcessFigures end = figures(60, 100, 300_000, 10, 20_000);
        assertThat(Tolerance.SOAK).allSatisfy(tolerance -> assertThat(tolerance.check(START, end).flat()).isTrue());
    }

    @Test
    void residentMemoryMayGrowByFifteenPercent() {
        assertBoundary(Figure.RESIDENT_KILOBYTES, 460_000);
    }

    @Test
    void heapMayGrowByTwentyPercentOrSixteenMegabytesWhicheverIsMore() {
        Tolerance heap = soak(Figure.HEAP_AFTER_GC_KILOBYTES);
        assertThat(heap.allowedGrowth(40_000)).isEqualTo(16_384);
        assertThat(heap.allowedGrowth(200_000)).isEqualTo(40_000);
        assertBoundary(Figure.HEAP_AFTER_GC_KILOBYTES, 56_384);
    }

    @Test
    void everyFigureHasOneTolerance() {
        assertThat(Tolerance.SOAK).extracting(Tolerance::figure).containsExactlyInAnyOrder(Figure.values());
    }

    @Test
    void theCheckLineSaysWhatGrewAndByHowMuch() {
        Tolerance fds = soak(Figure.OPEN_FILE_DESCRIPTORS);
        String line = fds.check(figures(1, 150, 1, 1, 1), figures(1, 170, 1, 1, 1)).line();
        assertThat(line).contains("open file descriptors").contains("start 150").contains("end 170").contains("(+20)")
                .contains("tolerance +10").endsWith("GREW");
        assertThat(soak(Figure.RESIDENT_KILOBYTES).describe()).isEqualTo("+15 %");
        assertThat(soak(Figure.HEAP_AFTER_GC_KILOBYTES).describe()).isEqualTo("+20 % or +16384 kB, whichever is more");
    }

    @Test
    void aNegativeToleranceIsRefusedByName() {
        assertThatThrownBy(() -> new Tolerance(Figure.JAVA_THREADS, -1, 0)).hasMessageContaining("Java threads");
    }
}
