package io.trtcsim.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.trtcsim.harness.Expectations;
import io.trtcsim.harness.MediaChecks;
import io.trtcsim.harness.SendingBitrate;
import io.trtcsim.harness.Participants;
import io.trtcsim.harness.ScenarioContext;
import io.trtcsim.trtc.MediaKind;
import java.time.Duration;

/**
 * Checks on the media a participant renders from another. A check on the media of a path attaches
 * that path's media summary to its step, whether it passes or fails.
 */
public class MediaSteps {

    private final ScenarioContext scenario;
    private final Participants participants;
    private final StepReport report;

    public MediaSteps(ScenarioContext scenario, Participants participants, StepReport report) {
        this.scenario = scenario;
        this.participants = participants;
        this.report = report;
    }

    @When("{participant} enables audio volume evaluation every {duration}")
    public void enableAudioVolumeEvaluation(String name, Duration interval) {
        participants.named(name).enableAudioVolumeEvaluation(interval);
    }

    @When("{participant} turns audio volume evaluation off")
    public void disableAudioVolumeEvaluation(String name) {
        participants.named(name).enableAudioVolumeEvaluation(Duration.ZERO);
    }

    @Then("{participant} gets an audio volume of at least {int} for {participant} within {duration}")
    public void hearsVolumeOfAtLeast(String name, int volume, String of, Duration within) {
        Expectations.hearsVolume(participants.named(name), of, volume, 100, within);
    }

    @Then("{participant} gets an audio volume of at most {int} for {participant} within {duration}")
    public void hearsVolumeOfAtMost(String name, int volume, String of, Duration within) {
        Expectations.hearsVolume(participants.named(name), of, 0, volume, within);
    }

    @Then("{participant} renders at least {int} video frames from {participant} within {duration}")
    public void rendersVideoFrames(String name, int frames, String from, Duration within) {
        report.withMediaSummary(from, name, () ->
                Expectations.rendersVideoFrames(participants.named(name), from, frames, within));
    }

    @Then("{participant} renders at least {int} new video frames from {participant} within {duration}")
    public void rendersNewVideoFrames(String name, int frames, String from, Duration within) {
        report.withMediaSummary(from, name, () ->
                Expectations.rendersNewVideoFrames(participants.named(name), from, frames, within));
    }

    @Then("{participant} renders no video frames from {participant} for {duration}")
    public void rendersNoVideo(String name, String from, Duration period) {
        report.withMediaSummary(from, name, () ->
                Expectations.rendersNoVideo(participants.named(name), from, period));
    }

    @Then("{participant} receives no audio from {participant} for {duration}")
    public void receivesNoAudio(String name, String from, Duration period) {
        report.withMediaSummary(from, name, () ->
                Expectations.receivesNoAudio(participants.named(name), from, period));
    }

    @Then("{participant} sees the {mediaKind} of {participant} {muteState}")
    public void seesMuted(String name, MediaKind kind, String from, Boolean muted) {
        Expectations.seesMuted(participants.named(name), from, kind, muted, scenario.config().eventTimeout());
    }

    @Then("the video from {participant} to {participant} has a frame rate of at least {int} fps over {int} seconds")
    public void frameRate(String from, String to, int fps, int seconds) {
        report.withMediaSummary(from, to, () ->
                MediaChecks.frameRateAtLeast(participants.named(to), from, fps, Duration.ofSeconds(seconds)));
    }

    @Then("the video from {participant} to {participant} has no freezes over {int} seconds")
    public void noFreezes(String from, String to, int seconds) {
        report.withMediaSummary(from, to, () ->
                MediaChecks.noFreezes(participants.named(to), from, Duration.ofSeconds(seconds)));
    }

    @Then("the video from {participant} to {participant} has at most {int} freeze(s) over {int} seconds")
    public void atMostFreezes(String from, String to, int freezes, int seconds) {
        report.withMediaSummary(from, to, () ->
                MediaChecks.atMostFreezes(participants.named(to), from, freezes, Duration.ofSeconds(seconds)));
    }

    @Then("the video latency from {participant} to {participant} is at least {int} ms at the {int}th percentile over {int} seconds")
    public void videoLatencyAtLeast(String from, String to, int millis, int percentile, int seconds) {
        report.withMediaSummary(from, to, () ->
                MediaChecks.videoLatencyAtLeast(participants.named(to), from, millis, percentile,
                        Duration.ofSeconds(seconds)));
    }

    @Then("the {mediaKind} bitrate {participant} sends is at most {int} kbps within {duration}")
    public void sendsAtMost(MediaKind kind, String name, int kbps, Duration within) {
        SendingBitrate.atMost(participants.named(name), kind, kbps, within);
    }

    @Then("the {mediaKind} bitrate {participant} sends is at least {int} kbps within {duration}")
    public void sendsAtLeast(MediaKind kind, String name, int kbps, Duration within) {
        SendingBitrate.atLeast(participants.named(name), kind, kbps, within);
    }

    @Then("the video latency from {participant} to {participant} is at most {int} ms at the {int}th percentile over {int} seconds")
    public void videoLatency(String from, String to, int millis, int percentile, int seconds) {
        report.withMediaSummary(from, to, () ->
                MediaChecks.videoLatencyAtMost(participants.named(to), from, millis, percentile,
                        Duration.ofSeconds(seconds)));
    }

    @Then("the first video frame from {participant} reaches {participant} within {int} ms of subscribing")
    public void firstFrame(String from, String to, int millis) {
        report.withMediaSummary(from, to, () ->
                MediaChecks.firstFrameWithinOfSubscribing(participants.named(to), from, Duration.ofMillis(millis),
                scenario.config().eventTimeout()));
    }

    @Then("the video from {participant} to {participant} has resolution {int}x{int}")
    public void resolution(String from, String to, int width, int height) {
        report.withMediaSummary(from, to, () ->
                MediaChecks.resolution(participants.named(to), from, width, height,
                        scenario.config().eventTimeout()));
    }

    @Then("the audio from {participant} to {participant} has no gaps over {int} seconds")
    public void audioWithoutGaps(String from, String to, int seconds) {
        report.withMediaSummary(from, to, () ->
                MediaChecks.audioWithoutGaps(participants.named(to), from, Duration.ofSeconds(seconds)));
    }

    @Then("the audio latency from {participant} to {participant} is at most {int} ms at the 95th percentile over {int} seconds")
    public void audioLatency(String from, String to, int millis, int seconds) {
        report.withMediaSummary(from, to, () ->
                MediaChecks.audioLatencyAtMost(participants.named(to), from, millis, Duration.ofSeconds(seconds)));
    }

    @Then("{participant} receives audio from {participant} within {duration}")
    public void receivesAudio(String name, String from, Duration within) {
        report.withMediaSummary(from, name, () -> Expectations.receivesAudio(participants.named(name), from, within));
    }
}
