@requires-auxiliary-streams
Feature: Screen sharing
  A stream made with createStream({screen: true}) captures the screen: here a synthetic desktop at
  TRTC's default screen profile '1080p' (1920x1080 at 5 fps, 1600 kbps), marked as the camera
  stand-in is, so frames, rate and latency are measured the same way. Published, the others see it
  as the user's auxiliary stream (getType() 'auxiliary'); the app server gets the substream
  callbacks 205/206 instead of the video ones. A client publishes one stream: to share the screen
  and the camera at once, v4's guide has a second client publish the screen.

  Scenario: Bob sees Alice's shared screen as an auxiliary stream and renders it
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    When "alice" joins room 8400
    And "bob" joins room 8400
    And "alice" creates a screen-sharing stream
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then "bob" receives "stream-added" of type "auxiliary" from "alice" within 3 seconds
    And the video from "alice" to "bob" has resolution 1920x1080
    And "bob" renders at least 10 video frames from "alice" within 5 seconds
    And the video from "alice" to "bob" has a frame rate of at least 4 fps over 4 seconds
    And the video latency from "alice" to "bob" is at most 400 ms at the 95th percentile over 4 seconds
    And the video bitrate "alice" sends is at most 1700 kbps within 10 seconds

  Scenario: The camera and the screen at once, the screen through a second client
    Given "alice" has created a client in "rtc" mode
    And "share_alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    When "bob" joins room 8410
    And "alice" joins room 8410
    And "share_alice" joins room 8410
    And "alice" creates a local stream with audio and video
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    And "share_alice" creates a screen-sharing stream
    And "share_alice" initializes the local stream
    And "share_alice" publishes the local stream
    Then "bob" receives "stream-added" of type "main" from "alice" within 3 seconds
    And "bob" receives "stream-added" of type "auxiliary" from "share_alice" within 3 seconds
    And the video from "alice" to "bob" has resolution 320x180
    And the video from "share_alice" to "bob" has resolution 1920x1080

  @requires-server-callbacks
  Scenario: Sharing the screen starts and stops the substream, as the app server hears it
    Given "alice" has created a client in "rtc" mode
    When "alice" joins room 8420
    And "alice" creates a screen-sharing stream
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then the app server receives the "start substream" callback for "alice" in room 8420 within 3 seconds
    When "alice" unpublishes the local stream
    Then the app server receives the "stop substream" callback for "alice" in room 8420 within 3 seconds
