package io.trtcsim.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.trtcsim.harness.Crowds;
import io.trtcsim.harness.ParticipantKind;
import io.trtcsim.harness.ParticipantRange;
import io.trtcsim.harness.RangeChecks;
import io.trtcsim.harness.RangeFigures;
import io.trtcsim.trtc.ClientEvent;
import io.trtcsim.trtc.Mode;
import io.trtcsim.trtc.Role;
import io.trtcsim.trtc.RoomId;
import java.time.Duration;
import java.util.Optional;

/**
 * Many participants at once, named as a range ("viewer-1" to "viewer-20"): they join together, and
 * each check covers every member, naming all that fall short. A range's media is reported as one
 * table with its spread plotted.
 */
public class RangeSteps {

    private final Crowds crowds;
    private final StepReport report;

    public RangeSteps(Crowds crowds, StepReport report) {
        this.crowds = crowds;
        this.report = report;
    }

    @Given("{int} participants {range} join room {room} and play every stream")
    public void joinAndPlay(int count, ParticipantRange range, RoomId roomId) {
        crowds.joinAndPlay(range.counted(count), ParticipantKind.FULL, roomId, Mode.RTC, Optional.empty());
    }

    @Given("{int} participants {range} join room {room} in {mode} mode as {role} and play every stream")
    public void joinAsAndPlay(int count, ParticipantRange range, RoomId roomId, Mode mode, Role role) {
        crowds.joinAndPlay(range.counted(count), ParticipantKind.FULL, roomId, mode, Optional.of(role));
    }

    @Given("{int} participants {range} join room {room} and play every stream, measured from statistics only")
    public void joinAndPlayStatsOnly(int count, ParticipantRange range, RoomId roomId) {
        crowds.joinAndPlay(range.counted(count), ParticipantKind.STATS_ONLY, roomId, Mode.RTC, Optional.empty());
    }

    @Given("{int} participants {range} join room {room} in {mode} mode as {role} and play every stream, measured from statistics only")
    public void joinAsAndPlayStatsOnly(int count, ParticipantRange range, RoomId roomId, Mode mode, Role role) {
        crowds.joinAndPlay(range.counted(count), ParticipantKind.STATS_ONLY, roomId, mode, Optional.of(role));
    }

    @Given("{int} participants {range} join room {room} without media")
    public void joinWithoutMedia(int count, ParticipantRange range, RoomId roomId) {
        crowds.joinWithoutMedia(range.counted(count), roomId, Mode.RTC, Optional.empty());
    }

    @Given("{int} participants {range} join room {room} in {mode} mode as {role} without media")
    public void joinAsWithoutMedia(int count, ParticipantRange range, RoomId roomId, Mode mode, Role role) {
        crowds.joinWithoutMedia(range.counted(count), roomId, mode, Optional.of(role));
    }

    @Then("each of {range} receives {event} from {participant} within {duration}")
    public void eachReceives(ParticipantRange range, ClientEvent event, String from, Duration within) {
        RangeChecks.eachReceives(crowds.members(range), range, event, from, within);
    }

    @Then("each of {range} renders at least {int} video frames from {participant} within {duration}")
    public void eachRenders(ParticipantRange range, int frames, String from, Duration within) {
        RangeChecks.eachRendersVideoFrames(crowds.members(range), range, from, frames, within);
    }

    @Then("the video from {participant} to each of {range} has a frame rate of at least {int} fps over {int} seconds")
    public void eachFrameRate(String from, ParticipantRange range, int fps, int seconds) {
        RangeFigures figures = RangeChecks.measure(crowds.members(range), range, from, Duration.ofSeconds(seconds));
        report.withRangeFigures(figures, () -> RangeChecks.eachFrameRateAtLeast(figures, fps));
    }

    @Then("the video latency from {participant} to each of {range} is at most {int} ms at the 95th percentile over {int} seconds")
    public void eachLatency(String from, ParticipantRange range, int millis, int seconds) {
        RangeFigures figures = RangeChecks.measure(crowds.members(range), range, from, Duration.ofSeconds(seconds));
        report.withRangeFigures(figures, () -> RangeChecks.eachLatencyP95AtMost(figures, millis));
    }
}
