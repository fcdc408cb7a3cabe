Feature: Media that reached the screen
  Frame rate, freezes, capture-to-render latency, first-frame time and resolution of the video a
  subscriber renders, and gaps and latency of the audio it plays, measured from the markers the
  sender draws into the picture and the bursts it puts into the sound. "over N seconds" measures a
  window of N seconds that starts with the step.

  Scenario: Alice sends 640x360 at 30 fps to Bob through the simulator
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    When "alice" joins room 8100
    And "bob" joins room 8100
    And "alice" creates a local stream with synthetic video 640x360 at 30 fps
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then the first video frame from "alice" reaches "bob" within 1000 ms of subscribing
    And the video from "alice" to "bob" has resolution 640x360
    And the video from "alice" to "bob" has a frame rate of at least 25 fps over 4 seconds
    And the video from "alice" to "bob" has no freezes over 4 seconds
    And the video latency from "alice" to "bob" is at most 150 ms at the 95th percentile over 4 seconds
    And the audio from "alice" to "bob" has no gaps over 4 seconds
    And the audio latency from "alice" to "bob" is at most 500 ms at the 95th percentile over 4 seconds

  Scenario: Media from files keeps its size and rate, with latency measured too
    Given "alice" and "bob" are in a call in room 8200
    When "alice" unpublishes the local stream
    And "alice" creates a local stream from video file "media-samples/moving-shapes-176x144.y4m" and audio file "media-samples/chirp-48k-mono.wav"
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then the video from "alice" to "bob" has resolution 176x144
    And the video from "alice" to "bob" has a frame rate of at least 12 fps over 3 seconds
    And the video latency from "alice" to "bob" is at most 150 ms at the 95th percentile over 3 seconds
    And "bob" receives audio from "alice" within 3 seconds

  @requires-no-camera
  Scenario: No camera on this machine: initialize fails with DEVICE_NOT_FOUND
    When "alice" creates a local stream from the camera and microphone
    And "alice" tries to initialize the local stream
    Then "alice" fails to initialize the local stream with error DEVICE_NOT_FOUND
