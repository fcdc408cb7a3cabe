package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.media.EngineSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HarnessConfigTest {

    @Test
    void defaultsComeFromHarnessProperties() {
        HarnessConfig config = HarnessConfig.load();
        assertThat(config.callTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.sdkAppId()).isEqualTo(1400000001L);
        assertThat(config.userSigValidity()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void durationsAcceptMillisecondsSecondsAndMinutes() {
        HarnessConfig config = HarnessConfig.load();
        assertThat(config.with("harness.timeout.call", "750ms").callTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.with("harness.timeout.call", "2m").callTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aMalformedSettingNamesTheKeyAndTheValue() {
        HarnessConfig config = HarnessConfig.load().with("harness.timeout.media", "soon");
        assertThatThrownBy(config::mediaTimeout)
                .hasMessageContaining("harness.timeout.media")
                .hasMessageContaining("soon");
    }

    @Test
    void theEnginePoolSizeIsACountOfZeroOrMore() {
        HarnessConfig config = HarnessConfig.load();
        assertThat(config.enginePoolSize()).isEqualTo(8);
        assertThat(config.with("harness.engines.pool-size", "0").enginePoolSize()).isZero();
        assertThatThrownBy(() -> config.with("harness.engines.pool-size", "-1").enginePoolSize())
                .hasMessageContaining("harness.engines.pool-size").hasMessageContaining("'-1'");
        assertThatThrownBy(() -> config.with("harness.engines.pool-size", "many").enginePoolSize())
                .hasMessageContaining("harness.engines.pool-size").hasMessageContaining("'many'");
    }

    @Test
    void theJoinWindowIsACountOfOneOrMore() {
        HarnessConfig config = HarnessConfig.load();
        assertThat(config.joinWindow()).isEqualTo(50);
        assertThat(config.with("harness.join-window", "1").joinWindow()).isOne();
        assertThatThrownBy(() -> config.with("harness.join-window", "0").joinWindow())
                .hasMessageContaining("harness.join-window").hasMessageContaining("'0'");
        assertThatThrownBy(() -> config.with("harness.join-window", "wide").joinWindow())
                .hasMessageContaining("harness.join-window").hasMessageContaining("'wide'");
    }

    @Test
    void aScenarioMadeFromPlainJavaGivesEachParticipantItsOwnEngine() {
        assertThat(ScenarioContext.with(HarnessConfig.load()).engines()).isSameAs(EngineSource.OWN);
        assertThat(ScenarioContext.with(HarnessConfig.load().with("harness.engines.pool-size", "0")).engines())
                .isSameAs(EngineSource.OWN);
    }

    @Test
    void anUnknownStackIsRefusedWithTheChoices() {
        HarnessConfig config = HarnessConfig.load().with("harness.stack", "jaanus");
        assertThatThrownBy(() -> Stacks.start(config))
                .hasMessageContaining("jaanus")
                .hasMessageContaining("embedded");
    }
}
