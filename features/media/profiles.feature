Feature: Video and audio profiles, before a call and during it
  LocalStream.setVideoProfile takes TRTC's named profiles ('120p' to '4K': size, frame rate and
  bitrate) or the values themselves; from v4.8.4 it may be called during a call: the capture changes
  size and rate at once and the sender is capped at the profile's bitrate, without a
  renegotiation. setAudioProfile ('standard', 'high', 'standard-stereo', 'high-stereo') sets the
  bitrate the audio is sent at (without one, libwebrtc's Opus default: 32 kbps measured; 'high' 128). What they change is checked where it shows: the size of the frames
  the other side renders, and the bitrate the publisher's getStats reports.

  Scenario: A named profile set before initialize is what capture starts with
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    When "alice" joins room 8300
    And "bob" joins room 8300
    And "alice" creates a local stream with audio and video
    And "alice" sets the video profile "360p"
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then the video from "alice" to "bob" has resolution 640x360
    And the video bitrate "alice" sends is at most 850 kbps within 10 seconds

  Scenario: The profile changes during a call, and the other side sees the new size at once
    Given "alice" and "bob" are in a call in room 8310
    When "alice" sets the video profile "480p"
    Then the video from "alice" to "bob" has resolution 640x480
    And the video from "alice" to "bob" has a frame rate of at least 12 fps over 3 seconds
    When "alice" sets the video profile "120p"
    Then the video from "alice" to "bob" has resolution 160x120
    And the video bitrate "alice" sends is at most 220 kbps within 10 seconds

  Scenario: A profile's bitrate caps what the sender sends
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    When "alice" joins room 8320
    And "bob" joins room 8320
    And "alice" creates a local stream with synthetic video 640x360 at 30 fps
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then the video bitrate "alice" sends is at least 400 kbps within 20 seconds
    When "alice" sets the video profile to 640x360 at 30 fps and 150 kbps
    Then the video bitrate "alice" sends is at most 170 kbps within 10 seconds
    And the video from "alice" to "bob" has resolution 640x360

  Scenario: The audio profile sets the bitrate the audio is sent at
    Given "alice" and "bob" are in a call in room 8330
    When "alice" sets the audio profile "high"
    Then the audio bitrate "alice" sends is at least 110 kbps within 10 seconds
    When "alice" sets the audio profile "standard"
    Then the audio bitrate "alice" sends is at most 45 kbps within 10 seconds
    And the audio bitrate "alice" sends is at least 36 kbps within 5 seconds
    And "bob" receives audio from "alice" within 3 seconds

  Scenario: Unknown profiles and profiles of a file's stream are refused, naming what was wrong
    Given "alice" and "bob" are in a call in room 8340
    When "alice" tries to set the video profile "999p"
    Then "alice" fails to set the video profile with error INVALID_PARAMETER mentioning "'999p' is not one of 120p"
    When "alice" tries to set the audio profile "loud"
    Then "alice" fails to set the audio profile with error INVALID_PARAMETER mentioning "'loud' is not one of standard"
    When "alice" unpublishes the local stream
    And "alice" creates a local stream from video file "media-samples/moving-shapes-176x144.y4m"
    And "alice" tries to set the video profile "480p"
    Then "alice" fails to set the video profile with error NOT_SUPPORTED mentioning "video file"
