package io.trtcsim.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trtcsim.media.VideoProfile;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.MediaKind;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ranges of participants against the embedded simulator: joins, clashes, each-of checks, the report. */
class CrowdsTest {

    private final ScenarioContext scenario = ScenarioContext.with(HarnessConfig.load().with("harness.stack", "embedded"));
    private final Participants participants = new Participants(scenario);
    private final Crowds crowds = new Crowds(scenario, participants, new Signatures(scenario));

    @AfterEach
    void close() {
        scenario.close();
    }

    @Test
    void aSignalingOnlyAudienceJoinsAndIsReportedAsOneRange() {
        ParticipantRange fans = ParticipantRange.between("fan-1", "fan-30");
        List<Participant> members = crowds.joinWithoutMedia(fans, RoomId.numeric(7100), Mode.LIVE, Optional.of(Role.AUDIENCE));

        assertThat(members).hasSize(30).allSatisfy(member -> assertThat(member.client().roomId()).contains(RoomId.numeric(7100L)));
        RangeChecks.eachReceives(members, fans, ClientEvent.CONNECTION_STATE_CHANGED, null, Duration.ofSeconds(2));

        List<String> attached = new ArrayList<>();
        ScenarioReport.attachTo((data, type, name) -> attached.add(name), false, scenario, participants, new NetworkTimeline());
        assertThat(attached).contains("events of \"fan-1\" to \"fan-30\"").doesNotContain("events of fan-1");
    }

    @Test
    void aRangeThatClashesWithParticipantsAlreadyMadeIsRefusedNamingThem() {
        crowds.joinWithoutMedia(ParticipantRange.between("fan-1", "fan-3"), RoomId.numeric(7200), Mode.RTC, Optional.empty());

        assertThatThrownBy(() -> crowds.joinWithoutMedia(ParticipantRange.between("fan-3", "fan-5"), RoomId.numeric(7200), Mode.RTC,
                Optional.empty())).hasMessageContaining("clash with 1 already in this scenario: fan-3");
        assertThatThrownBy(() -> crowds.joinWithoutMedia(ParticipantRange.between("viewer-1", "viewer-2"), RoomId.numeric(7200), Mode.RTC,
                Optional.of(Role.AUDIENCE))).hasMessageContaining("roles belong to \"live\" mode");
    }

    @Test
    void anEachOfCheckNamesEveryMemberThatFellShort() {
        ParticipantRange fans = ParticipantRange.between("fan-1", "fan-4");
        List<Participant> members = crowds.joinWithoutMedia(fans, RoomId.numeric(7300), Mode.RTC, Optional.empty());

        assertThatThrownBy(() -> RangeChecks.eachReceives(members, fans, ClientEvent.STREAM_ADDED, "nobody",
                Duration.ofMillis(300)))
                .hasMessageContaining("4 of 4 participants \"fan-1\" to \"fan-4\" did not receive 'stream-added' from nobody")
                .hasMessageContaining("fan-1: ").hasMessageContaining("fan-4: ");
    }

    @Test
    void statsOnlyMembersAreMeasuredFromGetStatsAndHaveNoLatencyToCheck() {
        Signatures signatures = new Signatures(scenario);
        Participant alice = participants.namedOrNew("alice");
        alice.createClient(Mode.RTC, signatures.sdkAppId(), signatures.userSigFor("alice"));
        alice.join(RoomId.numeric(7400));
        alice.createLocalStream(Set.of(MediaKind.VIDEO), new VideoProfile(320, 180, 15));
        alice.initializeLocalStream();
        alice.publish();
        ParticipantRange watchers = ParticipantRange.between("watcher-1", "watcher-3");

        List<Participant> members = crowds.joinAndPlay(watchers, ParticipantKind.STATS_ONLY, RoomId.numeric(7400), Mode.RTC, Optional.empty());
        RangeChecks.eachRendersVideoFrames(members, watchers, "alice", 20, Duration.ofSeconds(10));
        RangeFigures figures = RangeChecks.measure(members, watchers, "alice", Duration.ofSeconds(2));

        assertThat(members).allSatisfy(member -> {
            assertThat(member.kind()).isEqualTo(ParticipantKind.STATS_ONLY);
            assertThat(member.engineUse()).isEqualTo(EngineUse.SHARED);
        });
        assertThat(figures.rows()).allSatisfy(row -> {
            assertThat(row.decoded()).as("getStats window of %s", row.participant()).isPresent();
            assertThat(row.fps()).as("fps of %s", row.participant()).isBetween(10.0, 20.0);
            assertThat(row.latencyP95Millis()).isNaN();
        });
        RangeChecks.eachFrameRateAtLeast(figures, 10);
        assertThatThrownBy(() -> RangeChecks.eachLatencyP95AtMost(figures, 150))
                .hasMessageContaining("3 of 3 participants \"watcher-1\" to \"watcher-3\" had a video latency above 150")
                .hasMessageContaining("watcher-2: no latency: a stats-only participant reads no frame marker");
        assertThatThrownBy(() -> crowds.joinAndPlay(ParticipantRange.between("x-1", "x-2"), ParticipantKind.SIGNALING_ONLY,
                RoomId.numeric(7400), Mode.RTC, Optional.empty())).hasMessageContaining("cannot play streams as SIGNALING_ONLY");
    }
}
