@requires-network-emulation
Feature: Packet loss on a participant's uplink or downlink
  The stack's media plane drops a share of a participant's packets at random (or in bursts), in user
  space. What retransmission does not recover shows in the receiver's statistics and lowers the
  network-quality the SDK reports for that direction; once the loss ends, everything recovers.
  (On Janus as a process, run as root, uplink loss comes from iptables instead: features/media/packet-loss.feature.)

  Scenario: 10% loss on Alice's uplink lowers her uplink quality, which recovers when it ends
    Given "alice" and "bob" are in a call in room 6620
    Then "alice" gets a network quality of 1 up and 1 down within 5 seconds
    When the uplink of "alice" loses 10% of its packets
    Then "alice" gets an uplink network quality from 2 to 5 within 8 seconds
    When the uplink of "alice" loses no more packets
    Then "alice" gets an uplink network quality from 1 to 1 within 8 seconds

  Scenario: 5% loss on Bob's downlink lowers his downlink quality; video keeps arriving
    Given "alice" and "bob" are in a call in room 6621
    Then "bob" gets a network quality of 1 up and 1 down within 5 seconds
    When the downlink of "bob" loses 5% of its packets
    Then "bob" gets a downlink network quality from 2 to 5 within 8 seconds
    And "bob" renders at least 20 new video frames from "alice" within 5 seconds
    When the network of "bob" is restored
    Then "bob" gets a downlink network quality from 1 to 1 within 8 seconds

  Scenario: Loss in bursts on a lossy wifi profile still lets video through
    Given "alice" and "bob" are in a call in room 6622
    When the network of "bob" becomes "lossy wifi"
    Then "bob" renders at least 20 new video frames from "alice" within 5 seconds
    When the network of "bob" is restored
    Then the video from "alice" to "bob" has a frame rate of at least 10 fps over 3 seconds
