@requires-small-streams
Feature: Dual stream: a big and a small video, chosen per subscriber
  With client.enableSmallStream() before publish(), a publisher sends a small stream beside the
  big one (setSmallStreamProfile; TRTC's default 160x120 at 15 fps, 100 kbps). Each subscriber
  receives the big one unless it asks for the small one with setRemoteVideoStreamType(stream,
  'small'): the media plane then forwards that layer to it alone. getRemoteMutedState() says
  hasSmall.

  Background:
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "carol" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    And "carol" subscribes to and plays every added stream

  Scenario: Bob switches Alice's stream to the small one and back; Carol keeps the big one
    When "alice" joins room 8500
    And "bob" joins room 8500
    And "carol" joins room 8500
    And "alice" creates a local stream with synthetic video 640x360 at 15 fps
    And "alice" initializes the local stream
    And "alice" enables the small stream
    And "alice" publishes the local stream
    Then "bob" sees that "alice" has a small stream
    And the video from "alice" to "bob" has resolution 640x360
    When "bob" switches the stream of "alice" to "small"
    Then the video from "alice" to "bob" has resolution 160x120
    And the video from "alice" to "bob" has a frame rate of at least 12 fps over 3 seconds
    And the video from "alice" to "carol" has resolution 640x360
    When "bob" switches the stream of "alice" to "big"
    Then the video from "alice" to "bob" has resolution 640x360

  Scenario: A small stream of the profile asked for, chosen before subscribing
    When "alice" joins room 8510
    And "alice" creates a local stream with synthetic video 640x360 at 15 fps
    And "alice" initializes the local stream
    And "alice" enables the small stream at 320x180 15 fps and 150 kbps
    And "alice" publishes the local stream
    And "bob" joins room 8510
    Then "bob" receives "stream-subscribed" from "alice" within 5 seconds
    When "bob" switches the stream of "alice" to "small"
    Then the video from "alice" to "bob" has resolution 320x180

  Scenario: No small stream to switch to, and an unknown layer, are refused naming them
    When "alice" joins room 8520
    And "bob" joins room 8520
    And "alice" creates a local stream with audio and video
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then "bob" sees that "alice" has no small stream
    When "bob" tries to switch the stream of "alice" to "small"
    Then "bob" fails to switch the stream with error INVALID_OPERATION mentioning "has no small stream"
    When "bob" tries to switch the stream of "alice" to "medium"
    Then "bob" fails to switch the stream with error INVALID_PARAMETER mentioning "'medium'"
