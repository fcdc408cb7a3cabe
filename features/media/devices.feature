Feature: Cameras and microphones: the machine's and stand-ins
  TRTC.getCameras(), getMicrophones() and getSpeakers() list the machine's devices as webrtc-java
  sees them (audio devices where a PulseAudio server answers) and the stand-in devices of
  fixtures/devices.json: cameras and microphones whose capture is the synthetic source or a media
  file. createStream({cameraId}) or ({microphoneId}) captures from the device of that id or label;
  one that is nowhere fails initialize() with DEVICE_NOT_FOUND naming it and the devices there are.
  The machine's own devices are captured through libwebrtc's device path: microphones through
  PulseAudio (here a PulseAudio server the harness starts, whose pipe-source microphones it feeds
  with the marked tone), cameras through V4L2 where /dev/video* exists. switchDevice and
  replaceTrack change what a published track captures without a renegotiation: the others see
  the new source, and no stream-updated.

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

  @machine-microphone
  Scenario: A microphone of this machine is captured end to end, latency measured from its markers
    Given this machine has a microphone "fakemic" playing the marked tone
    And "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    Then "alice" lists a microphone named "fakemic"
    And "alice" lists a speaker named "harness-speaker"
    When "alice" joins room 8620
    And "bob" joins room 8620
    And "alice" creates a local stream from the microphone "fakemic"
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then "bob" receives audio from "alice" within 3 seconds
    And the audio latency from "alice" to "bob" is at most 500 ms at the 95th percentile over 4 seconds

  @machine-microphone
  Scenario: switchDevice between microphones of this machine during a call, without a renegotiation
    Given this machine has a microphone "fakemic" playing the marked tone
    And this machine has a microphone "quietmic" playing silence
    And "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    When "alice" joins room 8630
    And "bob" joins room 8630
    And "alice" creates a local stream from the microphone "fakemic"
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then "bob" receives audio from "alice" within 3 seconds
    When "alice" switches to the microphone "quietmic"
    Then "bob" receives no audio from "alice" for 2 seconds
    When "alice" switches to the microphone "fakemic"
    Then "bob" receives audio from "alice" within 3 seconds
    And the audio latency from "alice" to "bob" is at most 500 ms at the 95th percentile over 3 seconds
    And "bob" receives no "stream-updated" for 1 second

  @machine-microphone
  Scenario: A tab that records the machine's microphone cannot switch to pushed audio
    Given this machine has a microphone "fakemic" playing the marked tone
    And "alice" has created a client in "rtc" mode
    When "alice" creates a local stream from the microphone "fakemic"
    And "alice" initializes the local stream
    And "alice" tries to switch to the microphone "stand-in-microphone"
    Then "alice" fails to switch the device with error NOT_SUPPORTED mentioning "stand-in-microphone"

  @machine-camera
  Scenario: A camera of this machine is captured through V4L2
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    When "alice" joins room 8640
    And "bob" joins room 8640
    And "alice" creates a local stream from the machine's default camera
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then "bob" renders at least 30 video frames from "alice" within 10 seconds

  Scenario: switchDevice to another camera during a call: the others see the new source, not a new stream
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    When "alice" joins room 8650
    And "bob" joins room 8650
    And "alice" creates a local stream from the camera "stand-in-camera"
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then the video from "alice" to "bob" has resolution 320x180
    When "alice" switches to the camera "stand-in-shapes-camera"
    Then the video from "alice" to "bob" has resolution 176x144
    And the video latency from "alice" to "bob" is at most 150 ms at the 95th percentile over 3 seconds
    And "bob" receives no "stream-updated" for 1 second

  Scenario: switchDevice between stand-in microphones during a call keeps the audio flowing
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    When "alice" joins room 8660
    And "bob" joins room 8660
    And "alice" creates a local stream from the microphone "stand-in-microphone"
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then "bob" receives audio from "alice" within 3 seconds
    When "alice" switches to the microphone "stand-in-chirp-microphone"
    Then "bob" receives audio from "alice" within 3 seconds
    And "bob" receives no "stream-updated" for 1 second

  Scenario: replaceTrack with the camera track of a second stream, as v4's guide does it
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    When "alice" joins room 8670
    And "bob" joins room 8670
    And "alice" creates a local stream from the camera "stand-in-camera"
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then the video from "alice" to "bob" has resolution 320x180
    When "alice" replaces the track of the local stream with one from the camera "stand-in-shapes-camera"
    Then the video from "alice" to "bob" has resolution 176x144
    And "bob" receives no "stream-updated" for 1 second

  Scenario: switchDevice to a device that is nowhere is refused, naming it
    Given "alice" has created a client in "rtc" mode
    When "alice" creates a local stream from the camera "stand-in-camera"
    And "alice" initializes the local stream
    And "alice" tries to switch to the camera "no-such-camera"
    Then "alice" fails to switch the device with error DEVICE_NOT_FOUND mentioning "no-such-camera"
