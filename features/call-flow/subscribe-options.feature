Feature: Subscribing to audio or video only
  client.subscribe(stream, {audio, video}) receives only what is asked for: the other kind is
  refused in the SDK's answer (a=inactive), so the stack sends none of it.

  Background:
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    When "alice" joins room 6700
    And "alice" creates a local stream with audio and video
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    And "bob" joins room 6700
    Then "bob" receives "stream-added" from "alice" within 3 seconds

  Scenario: Bob takes only Alice's video
    When "bob" subscribes to the video of "alice" only
    Then "bob" receives "stream-subscribed" from "alice" within 3 seconds
    When "bob" plays the stream of "alice" in "remote_stream-alice"
    Then "bob" renders at least 10 video frames from "alice" within 5 seconds
    And "bob" receives no audio from "alice" for 1 second

  Scenario: Bob takes only Alice's audio
    When "bob" subscribes to the audio of "alice" only
    Then "bob" receives "stream-subscribed" from "alice" within 3 seconds
    When "bob" plays the stream of "alice" in "remote_stream-alice"
    Then "bob" receives audio from "alice" within 5 seconds
    And "bob" renders no video frames from "alice" for 1 second
