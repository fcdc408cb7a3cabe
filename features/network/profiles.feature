@requires-network-emulation
Feature: Named network profiles
  fixtures/network-profiles.json names sets of conditions ("3G", "slow 3G", "4G", "lossy wifi",
  "congested uplink", "satellite"); a project adds its own in its fixtures folder. A participant's
  network can become one during a call, and be restored.

  Scenario: Alice on 3G still reaches Bob, her latency grows by the profile's delay (14 ms on this machine's loopback before)
    Given "alice" and "bob" are in a call in room 6640
    When the network of "alice" becomes "3G"
    Then "bob" renders at least 20 new video frames from "alice" within 5 seconds
    And the video latency from "alice" to "bob" is at least 30 ms at the 50th percentile over 3 seconds
    When the network of "alice" becomes "congested uplink"
    Then the video bitrate "alice" sends is at most 300 kbps within 15 seconds
    When the network of "alice" is restored
    Then the video from "alice" to "bob" has a frame rate of at least 10 fps over 3 seconds
