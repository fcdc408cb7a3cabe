Feature: Cameras and microphones: the machine's and stand-ins
  TRTC.getCameras(), getMicrophones() and getSpeakers() list the machine's devices as webrtc-java
  sees them (audio devices where a PulseAudio server answers) and the stand-in devices of
  fixtures/devices.json: cameras and microphones whose capture is the synthetic source or a media
  file. createStream({cameraId}) or ({microphoneId}) captures from the device of that id or label;
  one that is nowhere fails initialize() with DEVICE_NOT_FOUND naming it and the devices there are.
  Capturing the machine's own devices is not done yet (NOT_SUPPORTED, naming the device).

  Scenario: The stand-in devices are listed beside the machine's
    Given "alice" has created a client in "rtc" mode
    Then "alice" lists a camera named "Stand-in camera (moving shapes 176x144, file)"
    And "alice" lists a microphone named "stand-in-chirp-microphone"

  Scenario: A stream from a stand-in camera reaches the other side with the file's size
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    When "alice" joins room 8600
    And "bob" joins room 8600
    And "alice" creates a local stream from the camera "stand-in-shapes-camera"
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then the video from "alice" to "bob" has resolution 176x144
    And the video latency from "alice" to "bob" is at most 150 ms at the 95th percentile over 3 seconds

  Scenario: A stream from a stand-in microphone is heard
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    When "alice" joins room 8610
    And "bob" joins room 8610
    And "alice" creates a local stream from the microphone "Stand-in microphone (marked tone)"
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then "bob" receives audio from "alice" within 3 seconds
    And the audio latency from "alice" to "bob" is at most 500 ms at the 95th percentile over 4 seconds

  Scenario: A device that is nowhere fails initialize, naming it
    Given "alice" has created a client in "rtc" mode
    When "alice" creates a local stream from the microphone "no-such-microphone"
    And "alice" tries to initialize the local stream
    Then "alice" fails to initialize the local stream with error DEVICE_NOT_FOUND
