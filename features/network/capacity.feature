@requires-network-emulation
Feature: A capacity limit on a participant's network
  A link limited to some kbps sends each packet after the previous one has left, at that rate; what
  finds the queue full (30 packets unless given) is dropped. libwebrtc's congestion control finds
  the limit from the delay and loss it causes and lowers the publisher's bitrate to fit; the video
  keeps arriving, and once the limit is lifted the bitrate climbs back.

  Scenario: Alice's uplink limited to 300 kbps: her sending bitrate settles under it, video keeps arriving
    Given "alice" has created a client in "rtc" mode
    And "bob" has created a client in "rtc" mode
    And "bob" subscribes to and plays every added stream
    And "alice" joins room 6610
    And "bob" joins room 6610
    When "alice" creates a local stream with synthetic video 640x360 at 30 fps
    And "alice" initializes the local stream
    And "alice" publishes the local stream
    Then the video bitrate "alice" sends is at least 400 kbps within 15 seconds
    When the uplink of "alice" is limited to 300 kbps
    Then the video bitrate "alice" sends is at most 300 kbps within 15 seconds
    And "bob" renders at least 20 new video frames from "alice" within 12 seconds
    When the uplink of "alice" is no longer limited
    Then the video bitrate "alice" sends is at least 400 kbps within 20 seconds
