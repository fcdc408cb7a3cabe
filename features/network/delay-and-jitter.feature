@requires-network-emulation
Feature: Delay and jitter on a participant's network
  The stack's media plane holds each packet of a participant's uplink or downlink for the delay
  asked, plus a random spread with the jitter as its standard deviation (packets keep their order
  unless reordering is asked for). It is done in user space by the simulator's SFU: no root, no
  kernel feature. The latency measured from capture to render follows what was added; when a delay
  comes or goes in the middle of a call, the receiver's jitter buffer takes a few seconds to follow.

  Scenario: 200 ms of delay on Alice's uplink shows in the latency Bob measures, and goes when lifted
    Given "alice" and "bob" are in a call in room 6600
    Then the video latency from "alice" to "bob" is at most 150 ms at the 50th percentile over 3 seconds
    When the uplink of "alice" has 200 ms of delay
    Then the video latency from "alice" to "bob" is at least 200 ms at the 50th percentile over 4 seconds
    When the network of "alice" is restored
    Then the video from "alice" to "bob" has a frame rate of at least 10 fps over 3 seconds
    And the video latency from "alice" to "bob" is at most 150 ms at the 50th percentile over 3 seconds

  Scenario: Jitter on Bob's downlink spreads the latency but video keeps flowing
    Given "alice" and "bob" are in a call in room 6601
    When the downlink of "bob" has 50 ms of jitter
    Then the video from "alice" to "bob" has a frame rate of at least 10 fps over 5 seconds
    When the downlink of "bob" has 30 ms of jitter with reordering
    Then the video from "alice" to "bob" has a frame rate of at least 10 fps over 5 seconds
