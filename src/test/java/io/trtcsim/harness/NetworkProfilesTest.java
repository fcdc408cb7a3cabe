package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkProfilesTest {

    @Test
    void theShippedProfilesAreThereWithTheirValues(@TempDir Path emptyFixtures) {
        NetworkProfiles profiles = NetworkProfiles.load(emptyFixtures);
        NetworkProfile threeG = profiles.named("3G");
        assertThat(threeG.conditions().uplink().capacityKbps()).isEqualTo(750);
        assertThat(threeG.conditions().downlink().delay()).isEqualTo(Duration.ofMillis(20));
        assertThat(profiles.named("lossy wifi").conditions().uplink().averageBurstLossLength()).isEqualTo(3);
        assertThat(profiles.named("congested uplink").conditions().downlink().isNone()).isTrue();
        assertThat(profiles.all()).extracting(NetworkProfile::name)
                .contains("3G", "slow 3G", "4G", "lossy wifi", "congested uplink", "satellite");
    }

    /** The docs list each shipped profile with its values: a profile added to the file must reach them. */
    @Test
    void theDocsListEveryShippedProfile(@TempDir Path emptyFixtures) throws IOException {
        String docs = Files.readString(Path.of("docs/network.md"));
        for (NetworkProfile profile : NetworkProfiles.load(emptyFixtures).all()) {
            String row = docs.lines().filter(line -> line.startsWith("| `" + profile.name() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/network.md has no row for profile " + profile.name()));
            int uplinkKbps = profile.conditions().uplink().capacityKbps();
            if (uplinkKbps > 0) {
                assertThat(row).as("the row of %s", profile.name()).contains(uplinkKbps + " kbps");
            }
            long uplinkDelay = profile.conditions().uplink().delay().toMillis();
            if (uplinkDelay > 0) {
                assertThat(row).as("the row of %s", profile.name()).contains(uplinkDelay + " ms delay");
            }
        }
    }

    @Test
    void anUnknownNameIsRefusedListingTheKnownOnes(@TempDir Path emptyFixtures) {
        assertThatThrownBy(() -> NetworkProfiles.load(emptyFixtures).named("5G"))
                .hasMessageContaining("no network profile named '5G'").hasMessageContaining("lossy wifi");
    }

    @Test
    void aProjectsOwnFileAddsAndReplacesProfiles(@TempDir Path fixtures) throws IOException {
        Files.writeString(fixtures.resolve("network-profiles.json"), """
                {"hotel wifi": {"description": "slow and lossy", "uplink": {"capacityKbps": 200, "lossPercent": 2}},
                 "3G": {"uplink": {"delayMs": 99}}}
                """);
        NetworkProfiles profiles = NetworkProfiles.load(fixtures);
        assertThat(profiles.named("hotel wifi").conditions().uplink().capacityKbps()).isEqualTo(200);
        assertThat(profiles.named("hotel wifi").conditions().downlink().isNone()).isTrue();
        assertThat(profiles.named("3G").conditions().uplink().delay()).isEqualTo(Duration.ofMillis(99));
        assertThat(profiles.named("4G").conditions().uplink().capacityKbps()).isEqualTo(3000);
    }

    @Test
    void aBadValueNamesTheProfileTheFileAndTheValue(@TempDir Path fixtures) throws IOException {
        Files.writeString(fixtures.resolve("network-profiles.json"), """
                {"broken": {"uplink": {"lossPercent": 140}}}
                """);
        assertThatThrownBy(() -> NetworkProfiles.load(fixtures))
                .hasMessageContaining("profile 'broken'").hasMessageContaining("network-profiles.json")
                .hasMessageContaining("140.0%");
    }
}
