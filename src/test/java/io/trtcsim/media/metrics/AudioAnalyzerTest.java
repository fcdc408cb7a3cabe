package io.trtcsim.media.metrics;

import static io.trtcsim.media.metrics.AudioTimeline.MS;
import static io.trtcsim.media.metrics.AudioTimeline.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.trtcsim.media.AudioChunk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioAnalyzerTest {

    private final AudioAnalyzer analyzer = new AudioAnalyzer();

    @Test
    void theTimelineHelperMakesTheSendersLevels() {
        AudioTimeline timeline = AudioTimeline.capturedFrom(0);

        assertThat(timeline.toneLevel(500 * MS)).isCloseTo(AudioAnalyzer.PLAIN_TONE_LEVEL, within(0.001));
        assertThat(timeline.toneLevel(SECOND)).isCloseTo(AudioAnalyzer.BURST_LEVEL, within(0.001));
        assertThat(timeline.toneLevel(SECOND + 50 * MS)).isCloseTo(AudioAnalyzer.BURST_LEVEL, within(0.001));
        assertThat(timeline.toneLevel(SECOND + 60 * MS)).isCloseTo(AudioAnalyzer.PLAIN_TONE_LEVEL, within(0.001));
        assertThat(timeline.toneLevel(SECOND - 5 * MS)).as("half a chunk of burst").isBetween(AudioAnalyzer.ONSET_LEVEL, AudioAnalyzer.BURST_LEVEL);
    }

    @Test
    void continuousChunksHaveNoGapsAndDeliverWhatElapsed() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(0).latencyMillis(100).tone(7_000).build();

        AudioMetrics metrics = analyzer.analyze(chunks, SECOND, 6 * SECOND);

        assertThat(metrics.chunks()).isEqualTo(500);
        assertThat(metrics.elapsedMillis()).isEqualTo(5_000.0);
        assertThat(metrics.deliveredMillis()).isEqualTo(5_000.0);
        assertThat(metrics.audibleMillis()).isEqualTo(5_000.0);
        assertThat(metrics.gapCount()).isZero();
        assertThat(metrics.gapTotalMillis()).isZero();
        assertThat(metrics.longestGapMillis()).isZero();
        assertThat(metrics.meanLevel()).as("6 burst chunks in every 100")
                .isCloseTo(0.06 * AudioTimeline.BURST + 0.94 * AudioTimeline.TONE, within(1e-9));
        assertThat(metrics.firstAudibleArrivalMicros()).isEqualTo(SECOND);
    }

    @Test
    void aTwoHundredMillisecondSilenceIsOneGapOfTwoHundredMilliseconds() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(0).latencyMillis(100)
                .tone(2_000).silence(200).tone(4_000).build();

        AudioMetrics metrics = analyzer.analyze(chunks, SECOND, 6 * SECOND);

        assertThat(metrics.gapCount()).isEqualTo(1);
        assertThat(metrics.gapTotalMillis()).isEqualTo(200.0);
        assertThat(metrics.longestGapMillis()).isEqualTo(200.0);
        assertThat(metrics.deliveredMillis()).as("silence is delivered too").isEqualTo(5_000.0);
        assertThat(metrics.audibleMillis()).isEqualTo(4_800.0);
    }

    @Test
    void aHundredMillisecondHoleInArrivalsIsOneGap() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(0).latencyMillis(100)
                .tone(2_500).hole(100).tone(4_000).build();

        AudioMetrics metrics = analyzer.analyze(chunks, SECOND, 6 * SECOND);

        assertThat(metrics.gapCount()).isEqualTo(1);
        assertThat(metrics.longestGapMillis()).isEqualTo(100.0);
        assertThat(metrics.deliveredMillis()).isEqualTo(4_900.0);
        assertThat(metrics.elapsedMillis()).isEqualTo(5_000.0);
    }

    @Test
    void silencesShorterThanSixtyMillisecondsAreNoGaps() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(0).latencyMillis(100)
                .tone(1_500).hole(50).tone(1_000).silence(50).tone(4_000).build();

        assertThat(analyzer.analyze(chunks, SECOND, 6 * SECOND).gapCount()).isZero();
    }

    @Test
    void aHoleNextToASilenceIsOneGap() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(0).latencyMillis(100)
                .tone(2_500).silence(40).hole(40).level(0.005, 40).tone(4_000).build();

        AudioMetrics metrics = analyzer.analyze(chunks, SECOND, 6 * SECOND);

        assertThat(metrics.gapCount()).isEqualTo(1);
        assertThat(metrics.longestGapMillis()).isEqualTo(120.0);
    }

    @Test
    void jitteredArrivalsMakeNoGaps() {
        List<AudioChunk> steady = AudioTimeline.capturedFrom(0).latencyMillis(100).tone(7_000).build();
        Random random = new Random(11);
        List<AudioChunk> jittered = new ArrayList<>();
        for (AudioChunk chunk : steady) {
            jittered.add(new AudioChunk(chunk.arrivalMicros() + random.nextInt(20_000), chunk.frames(), chunk.sampleRate(), chunk.level()));
        }

        assertThat(analyzer.analyze(jittered, SECOND, 6 * SECOND).gapCount()).isZero();
    }

    @Test
    void gapsAreClippedToTheWindow() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(0).latencyMillis(100)
                .tone(1_000).silence(500).tone(3_000).silence(500).tone(1_000).build();

        AudioMetrics metrics = analyzer.analyze(chunks, 1_300 * MS, 4_800 * MS);

        assertThat(metrics.gapCount()).isEqualTo(2);
        assertThat(metrics.gapTotalMillis()).as("300 of the first silence, 200 of the second").isEqualTo(500.0);
        assertThat(metrics.longestGapMillis()).isEqualTo(300.0);
    }

    @Test
    void aWindowThatOpensBeforeTheAudioStartsHasAGapAtItsStart() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(SECOND).latencyMillis(100).tone(5_000).build();

        AudioMetrics metrics = analyzer.analyze(chunks, 0, 6 * SECOND);

        assertThat(metrics.gapCount()).isEqualTo(1);
        assertThat(metrics.longestGapMillis()).isEqualTo(1_100.0);
    }

    @Test
    void burstsArriving250MillisecondsAfterWholeSecondsGiveThatLatency() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(0).latencyMillis(250).tone(7_000).build();

        AudioMetrics metrics = analyzer.analyze(chunks, SECOND, 6 * SECOND);

        assertThat(metrics.markersDetected()).isEqualTo(5);
        assertThat(metrics.latencyP50Millis()).isCloseTo(250, within(10.0));
        assertThat(metrics.latencyP50Millis()).isEqualTo(250.0);
        assertThat(metrics.latencyP95Millis()).isEqualTo(250.0);
        assertThat(metrics.latencyMaxMillis()).isEqualTo(250.0);
    }

    @Test
    void aBurstStartingMidChunkIsFoundWithinHalfAChunk() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(5 * MS).latencyMillis(255).tone(7_000).build();

        AudioMetrics metrics = analyzer.analyze(chunks, SECOND, 6 * SECOND);

        assertThat(metrics.markersDetected()).isEqualTo(5);
        assertThat(metrics.latencyP50Millis()).isCloseTo(255, within(10.0));
    }

    @Test
    void latenciesFromJustOver20MillisecondsToASecondAreRecovered() {
        for (long latency : List.of(21L, 100L, 400L, 999L, 1_000L)) {
            List<AudioChunk> chunks = AudioTimeline.capturedFrom(0).latencyMillis(latency).tone(8_000).build();

            AudioMetrics metrics = analyzer.analyze(chunks, 2 * SECOND, 7 * SECOND);

            assertThat(metrics.markersDetected()).as("markers at %d ms", latency).isEqualTo(5);
            assertThat(metrics.latencyMaxMillis()).as("latency %d ms", latency).isEqualTo((double) latency);
        }
    }

    @Test
    void aKnownSpreadOfMarkerLatenciesGivesItsPercentiles() {
        List<AudioChunk> chunks = new ArrayList<>();
        for (int second = 1; second <= 20; second++) {
            long latency = 20 + second * 10L;
            chunks.addAll(AudioTimeline.capturedFrom(second * SECOND - 200 * MS).latencyMillis(latency).tone(400).build());
        }

        AudioMetrics metrics = analyzer.analyze(chunks, 0, 30 * SECOND);

        assertThat(metrics.markersDetected()).isEqualTo(20);
        assertThat(metrics.latencyP50Millis()).as("10th of 30..220").isEqualTo(120.0);
        assertThat(metrics.latencyP95Millis()).as("19th of 30..220").isEqualTo(210.0);
        assertThat(metrics.latencyMaxMillis()).isEqualTo(220.0);
    }

    @Test
    void aToneWithoutBurstsHasNoLatency() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(0).withoutBursts().tone(6_000).build();

        AudioMetrics metrics = analyzer.analyze(chunks, SECOND, 6 * SECOND);

        assertThat(metrics.markersDetected()).isZero();
        assertThat(metrics.hasLatency()).isFalse();
        assertThat(metrics.latencyP50Millis()).isNaN();
        assertThat(metrics.latencyP95Millis()).isNaN();
        assertThat(metrics.latencyMaxMillis()).isNaN();
        assertThat(metrics.describe()).contains("latency n/a");
    }

    @Test
    void audioThatBeginsOrResumesInsideABurstHasNoOnset() {
        List<AudioChunk> startsInBurst = AudioTimeline.capturedFrom(980 * MS).latencyMillis(100)
                .silence(40).tone(500).build();
        List<AudioChunk> resumesInBurst = AudioTimeline.capturedFrom(500 * MS).latencyMillis(100)
                .tone(490).hole(40).tone(500).build();

        assertThat(analyzer.analyze(startsInBurst, 0, 3 * SECOND).markersDetected()).isZero();
        assertThat(analyzer.analyze(resumesInBurst, 0, 3 * SECOND).markersDetected()).isZero();
    }

    @Test
    void aBurstThatDipsIsOneMarker() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(800 * MS).latencyMillis(100).withoutBursts()
                .tone(200).level(AudioTimeline.BURST, 20).level(0.3, 10).level(AudioTimeline.BURST, 30).tone(500).build();

        AudioMetrics metrics = analyzer.analyze(chunks, 0, 3 * SECOND);

        assertThat(metrics.markersDetected()).isEqualTo(1);
        assertThat(metrics.latencyMaxMillis()).isEqualTo(100.0);
    }

    @Test
    void onlyChunksAndMarkersArrivingInsideTheWindowCount() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(0).latencyMillis(100)
                .tone(1_000).silence(500).tone(3_500).latencyMillis(400).tone(2_000).build();

        AudioMetrics metrics = analyzer.analyze(chunks, 2 * SECOND, 5 * SECOND);

        assertThat(metrics.chunks()).isEqualTo(300);
        assertThat(metrics.deliveredMillis()).isEqualTo(3_000.0);
        assertThat(metrics.gapCount()).as("the silence was before the window").isZero();
        assertThat(metrics.markersDetected()).as("onsets at 2.1, 3.1 and 4.1 s").isEqualTo(3);
        assertThat(metrics.latencyMaxMillis()).as("the later, slower stretch is outside").isEqualTo(100.0);
        assertThat(metrics.firstAudibleArrivalMicros()).isEqualTo(2 * SECOND);
    }

    @Test
    void firstAudioDelayIsMeasuredToTheFirstAudibleChunk() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(0).latencyMillis(100)
                .silence(300).tone(2_000).build();

        assertThat(analyzer.firstAudioDelayMillis(chunks, 50 * MS)).hasValue(350.0);
        assertThat(analyzer.firstAudioDelayMillis(chunks, 400 * MS)).hasValue(0.0);
        assertThat(analyzer.firstAudioDelayMillis(chunks, 10 * SECOND)).isEmpty();
        assertThat(analyzer.firstAudioDelayMillis(List.of(), 0)).isEmpty();
        assertThat(analyzer.analyze(chunks, 0, 3 * SECOND).firstAudioMillisAfter(50 * MS)).hasValue(350.0);
    }

    @Test
    void emptyInputGivesZerosAndNaN() {
        AudioMetrics emptyWindow = analyzer.analyze(List.of(), SECOND, SECOND);

        assertThat(emptyWindow.chunks()).isZero();
        assertThat(emptyWindow.deliveredMillis()).isZero();
        assertThat(emptyWindow.elapsedMillis()).isZero();
        assertThat(emptyWindow.audibleMillis()).isZero();
        assertThat(emptyWindow.gapCount()).isZero();
        assertThat(emptyWindow.meanLevel()).isNaN();
        assertThat(emptyWindow.latencyP50Millis()).isNaN();
        assertThat(emptyWindow.markersDetected()).isZero();
        assertThat(emptyWindow.firstAudibleArrivalMicros()).isEqualTo(-1);
        assertThat(emptyWindow.firstAudioMillisAfter(0)).isEmpty();
        assertThat(emptyWindow.describe()).contains("0 chunks");
        assertThat(emptyWindow.asMap()).containsEntry("meanLevel", null);
    }

    @Test
    void aWindowWithNoAudioIsOneGapAsLongAsTheWindow() {
        AudioMetrics metrics = analyzer.analyze(List.of(), 0, 5 * SECOND);

        assertThat(metrics.chunks()).isZero();
        assertThat(metrics.deliveredMillis()).isZero();
        assertThat(metrics.gapCount()).isEqualTo(1);
        assertThat(metrics.longestGapMillis()).isEqualTo(5_000.0);
        assertThat(metrics.latencyMaxMillis()).isNaN();
    }

    @Test
    void chunksOutOfArrivalOrderAreSortedFirst() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(0).latencyMillis(250)
                .tone(2_500).hole(100).tone(4_000).build();
        List<AudioChunk> shuffled = new ArrayList<>(chunks);
        Collections.shuffle(shuffled, new Random(3));

        assertThat(analyzer.analyze(shuffled, SECOND, 6 * SECOND)).isEqualTo(analyzer.analyze(chunks, SECOND, 6 * SECOND));
    }

    @Test
    void mapsAMarkerOnsetToTheWholeSecondBeforeIt() {
        assertThat(AudioAnalyzer.markerCaptureMicros(1_250 * MS)).isEqualTo(SECOND);
        assertThat(AudioAnalyzer.markerCaptureMicros(1_020 * MS)).isEqualTo(SECOND);
        assertThat(AudioAnalyzer.markerCaptureMicros(1_019 * MS)).isZero();
        assertThat(AudioAnalyzer.markerCaptureMicros(2 * SECOND)).isEqualTo(SECOND);
    }

    @Test
    void describesItselfOnOneLineAndAsAMap() {
        List<AudioChunk> chunks = AudioTimeline.capturedFrom(0).latencyMillis(250)
                .tone(2_500).hole(100).tone(4_000).build();

        AudioMetrics metrics = analyzer.analyze(chunks, SECOND, 6 * SECOND);

        assertThat(metrics.describe())
                .doesNotContain("\n")
                .contains("1 gap (total 100.0 ms, longest 100.0 ms)")
                .contains("latency p50 250.0 ms")
                .contains("from 5 markers");
        assertThat(metrics.asMap())
                .containsEntry("gapCount", 1)
                .containsEntry("markersDetected", 5)
                .containsEntry("latencyP50Millis", 250.0)
                .containsEntry("deliveredMillis", 4_900.0)
                .containsKeys("windowStartMicros", "windowEndMicros", "elapsedMillis", "audibleMillis", "firstAudibleArrivalMicros");
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> analyzer.analyze(List.of(), 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
