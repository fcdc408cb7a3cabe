@requires-mute-events
Feature: Muting
  muteAudio / muteVideo stop the media of a published local stream; the others get mute-audio or
  mute-video with the userId, and getRemoteMutedState() says so. Unmuting resumes it.

  Background:
    Given "alice" and "bob" are in a call in room 6200

  Scenario: Alice mutes and unmutes her video
    When "alice" mutes video
    Then "bob" receives "mute-video" from "alice" within 3 seconds
    And "bob" sees the video of "alice" muted
    And "bob" renders no video frames from "alice" for 1 second
    When "alice" unmutes video
    Then "bob" receives "unmute-video" from "alice" within 3 seconds
    And "bob" sees the video of "alice" unmuted
    And "bob" renders at least 10 new video frames from "alice" within 3 seconds

  Scenario: Alice mutes and unmutes her audio
    When "alice" mutes audio
    Then "bob" receives "mute-audio" from "alice" within 3 seconds
    And "bob" sees the audio of "alice" muted
    And "bob" receives no audio from "alice" for 1 second
    When "alice" unmutes audio
    Then "bob" receives "unmute-audio" from "alice" within 3 seconds
    And "bob" sees the audio of "alice" unmuted
    And "bob" receives audio from "alice" within 3 seconds
