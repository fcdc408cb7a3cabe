@requires-network-emulation
Feature: A call from a hotel
  Our own network profile (fixtures/network-profiles.json) next to the harness's.

  Scenario: Alice on hotel wifi still reaches Bob
    Given "alice" and "bob" are in a call in room 2025
    When the network of "alice" becomes "hotel wifi"
    Then "bob" renders at least 30 new video frames from "alice" within 10 seconds
    When the network of "alice" is restored
    Then the video from "alice" to "bob" has a frame rate of at least 10 fps over 3 seconds
