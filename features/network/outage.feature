@requires-network-emulation @requires-reconnection
Feature: A network that goes away, and TRTC's reconnection
  When a participant's network goes down nothing passes either way: media, and the signaling
  connection, which stalls without closing, as on a dead network. The SDK notices the silence after
  2 seconds without a heartbeat reply, reports RECONNECTING and retries; once the network is back it
  re-enters the room and reports CONNECTED. The simulator notices a silent client only after its
  heartbeat timeout (6 seconds): a shorter outage is invisible to the others apart from a freeze; a
  longer one gives them stream-removed and peer-leave, then peer-join and stream-added once the
  client is back. When the retries run out the SDK reports SIGNAL_CHANNEL_RECONNECTION_FAILED.

  Scenario: A 3 second outage: Alice reconnects, Bob sees a freeze and nobody leaving
    Given "alice" and "bob" are in a call in room 6630
    When the network of "alice" goes down for 3 seconds
    Then "alice" receives "connection-state-changed" to "RECONNECTING" within 5 seconds
    And "alice" receives "connection-state-changed" to "CONNECTED" within 10 seconds
    And "bob" renders at least 20 new video frames from "alice" within 5 seconds
    And "bob" does not receive "peer-leave" from "alice" within 1 second
    And the video from "alice" to "bob" has no freezes over 3 seconds

  Scenario: A 2 second outage costs Bob at most one freeze
    Given "alice" and "bob" are in a call in room 6631
    When the network of "alice" goes down for 2 seconds
    Then the video from "alice" to "bob" has at most 1 freeze over 6 seconds

  Scenario: An outage longer than the server's heartbeat timeout: the others see Alice leave and come back
    Given "alice" and "bob" are in a call in room 6632
    When the network of "alice" goes down
    Then "alice" receives "connection-state-changed" to "RECONNECTING" within 5 seconds
    And "bob" receives "stream-removed" from "alice" within 10 seconds
    And "bob" receives "peer-leave" from "alice" within 2 seconds
    When the network of "alice" comes back
    Then "alice" receives "connection-state-changed" to "CONNECTED" within 15 seconds
    And "bob" receives "peer-join" from "alice" 2 times within 10 seconds
    And "bob" receives "stream-added" from "alice" 2 times within 10 seconds
    And "bob" renders at least 20 new video frames from "alice" within 10 seconds

  Scenario: A network that stays down: the retries run out
    Given "alice" and "bob" are in a call in room 6633
    When the network of "alice" goes down
    Then "alice" receives "connection-state-changed" to "RECONNECTING" within 5 seconds
    And "alice" receives "error" with code SIGNAL_CHANNEL_RECONNECTION_FAILED within 60 seconds
    And "alice" receives "connection-state-changed" to "DISCONNECTED" within 5 seconds
