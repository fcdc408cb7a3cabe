@requires-packet-loss
Feature: Packet loss
  The kernel drops a share of the packets a participant sends, at random (iptables; root is needed,
  and elsewhere the scenario is skipped with the reason). The stack's receiver reports the loss back
  (RTCP) — what retransmission did not recover — so the sender's network-quality falls. A forwarding
  SFU (the simulator, Janus) passes the loss on: what neither its own NACKs nor the subscriber's
  recover, the subscriber misses, and its video may stall until a key frame. Once the loss ends,
  everything recovers.

  Scenario: Almost a third of Alice's uplink is lost: her uplink quality falls, and her quality and video recover when the loss ends
    Given "alice" and "bob" are in a call in room 6500
    Then "alice" gets a network quality of 1 up and 1 down within 5 seconds
    When the uplink of "alice" loses 30% of its packets
    Then "alice" gets an uplink network quality from 2 to 5 within 8 seconds
    When the uplink of "alice" loses no more packets
    Then "alice" gets an uplink network quality from 1 to 1 within 8 seconds
    And "bob" renders at least 10 new video frames from "alice" within 5 seconds

  Scenario: A fifth of what reaches Bob from Alice is lost: his downlink quality falls, and recovers when the loss ends
    Given "alice" and "bob" are in a call in room 6501
    Then "bob" gets a network quality of 1 up and 1 down within 5 seconds
    When the stream of "alice" to "bob" loses 20% of its packets
    Then "bob" gets a downlink network quality from 3 to 5 within 8 seconds
    When the stream of "alice" to "bob" loses no more packets
    Then "bob" gets a downlink network quality from 1 to 1 within 8 seconds
    And "bob" renders at least 10 new video frames from "alice" within 5 seconds
